package se.styrregistret.standalone;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The register an end-to-end test class runs against, in the mode the environment asks for
 * ({@link EndToEnd}): started before the class's first test (and before its own {@code @BeforeAll}
 * methods), stopped after its last.
 * <pre>
 *   {@literal @}RegisterExtension
 *   static final RunningRegister register = new RunningRegister();
 * </pre>
 */
final class RunningRegister implements BeforeAllCallback, AfterAllCallback {

    private final String[] arguments;
    private RunningSystem system;

    RunningRegister(String... arguments) {
        this.arguments = arguments.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        system = EndToEnd.start(arguments);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (system != null) system.close();
        system = null;
    }

    String commandUrl() {
        return system().commandUrl();
    }

    String queryUrl() {
        return system().queryUrl();
    }

    RunningSystem system() {
        if (system == null) throw new IllegalStateException("the register runs only while its test class does");
        return system;
    }
}

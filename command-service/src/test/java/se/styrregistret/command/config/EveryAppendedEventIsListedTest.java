package se.styrregistret.command.config;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.kernel.schema.EventTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the command side appends is in the kernel's {@link EventTypes}, so it gets a revision, a
 * golden sample and the upcasters. Read from the compiled classes: each {@code AggregateLifecycle.apply(…)}
 * call site's argument type, and each {@code @EventSourcingHandler}'s parameter (an event may be appended
 * without a handler of its own, e.g. ActionRevised, so the handlers alone are not enough).
 */
class EveryAppendedEventIsListedTest {

    static final String APPLY_OWNER = "org/axonframework/modelling/command/AggregateLifecycle";

    @Test
    void given_the_compiled_command_side_then_every_event_it_appends_or_sources_is_a_listed_event_type() throws Exception {
        Set<String> listed = new TreeSet<>();
        EventTypes.all().forEach(t -> listed.add(t.getName()));
        Appends appends = new Appends();
        Set<String> sourced = new TreeSet<>();
        for (Path file : classFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            ClassReader reader = new ClassReader(bytes);
            reader.accept(appends.visitor(reader.getClassName()), 0);
            Class<?> type = Class.forName(reader.getClassName().replace('/', '.'), false, getClass().getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventSourcingHandler.class)) sourced.add(method.getParameterTypes()[0].getName());
            }
        }

        assertThat(appends.unknown).as("apply(...) call sites whose event type cannot be read from the bytecode").isEmpty();
        assertThat(appends.types).as("events appended (a sanity check of the scan)")
                .contains("se.styrregistret.kernel.actionplan.ActionRevised", "se.styrregistret.kernel.district.DistrictPictureRecorded")
                .hasSizeGreaterThan(20);
        assertThat(appends.types).as("events appended by aggregates but missing from EventTypes").isSubsetOf(listed);
        assertThat(sourced).as("events aggregates source from but missing from EventTypes").isSubsetOf(listed);
    }

    private static List<Path> classFiles() throws URISyntaxException, IOException {
        Path root = Path.of(CommandServiceApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList();
        }
    }

    /** The type of the value each {@code apply} call receives: a freshly constructed object, or a typed local or parameter. */
    static final class Appends {
        final Set<String> types = new TreeSet<>();
        final List<String> unknown = new ArrayList<>();

        ClassVisitor visitor(String className) {
            return new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new CallSites(className + "." + name, (access & Opcodes.ACC_STATIC) != 0, descriptor);
                }
            };
        }

        final class CallSites extends MethodVisitor {
            private final String where;
            private final Map<Integer, String> parameterTypes = new HashMap<>();
            private final Map<Integer, Set<String>> localTypes = new HashMap<>();
            private final List<Integer> loadedSlots = new ArrayList<>();
            private String constructed;
            private Integer loaded;
            private int line;

            CallSites(String where, boolean isStatic, String descriptor) {
                super(Opcodes.ASM9);
                this.where = where;
                int slot = isStatic ? 0 : 1;
                for (Type argument : Type.getArgumentTypes(descriptor)) {
                    parameterTypes.put(slot, argument.getClassName());
                    slot += argument.getSize();
                }
            }

            private void other() {
                constructed = null;
                loaded = null;
            }

            @Override
            public void visitLineNumber(int number, Label start) {
                line = number;
            }

            @Override
            public void visitVarInsn(int opcode, int slot) {
                other();
                if (opcode == Opcodes.ALOAD) loaded = slot;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                if (opcode == Opcodes.INVOKESTATIC && owner.equals(APPLY_OWNER) && name.equals("apply")
                        && Type.getArgumentTypes(descriptor).length == 1) {
                    if (constructed != null) {
                        types.add(constructed);
                    } else if (loaded != null) {
                        loadedSlots.add(loaded);
                    } else {
                        unknown.add(where + " line " + line);
                    }
                }
                other();
                if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) constructed = owner.replace('/', '.');
            }

            @Override
            public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int slot) {
                localTypes.computeIfAbsent(slot, s -> new LinkedHashSet<>()).add(Type.getType(descriptor).getClassName());
            }

            @Override
            public void visitEnd() {
                for (int slot : loadedSlots) {
                    Set<String> candidates = localTypes.getOrDefault(slot, Set.of());
                    String type = parameterTypes.containsKey(slot) ? parameterTypes.get(slot)
                            : candidates.size() == 1 ? candidates.iterator().next() : null;
                    if (type == null || type.equals(Object.class.getName())) unknown.add(where + " (variable " + slot + ")");
                    else types.add(type);
                }
            }

            @Override
            public void visitInsn(int opcode) {
                other();
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
                other();
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                other();
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                other();
            }

            @Override
            public void visitLdcInsn(Object value) {
                other();
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                other();
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, org.springframework.asm.Handle bootstrap, Object... arguments) {
                other();
            }
        }
    }
}

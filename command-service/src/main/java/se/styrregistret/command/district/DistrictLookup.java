package se.styrregistret.command.district;

import java.util.Optional;

/**
 * Which districts are registered, for command handlers that name one (pictures, actions). A name is
 * matched case-insensitively and answered in its registered (proper) spelling. {@link DistrictRegistry}
 * answers from the command side's own table; aggregate tests give an in-memory one.
 */
public interface DistrictLookup {

    /** The registered spelling of {@code name}, or empty when no such district is registered (or blank). */
    Optional<String> canonical(String name);
}

package se.styrregistret.query.revision;

import java.time.LocalDate;

/**
 * A point on both clocks: the state on {@code date} as the register knew it at {@code revision}.
 */
public record AsOf(long revision, LocalDate date) {
}

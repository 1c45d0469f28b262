package se.styrregistret.query.web;

import se.styrregistret.support.web.InvalidInput;

/** A request's page and page size, checked as every paged answer checks them (400 naming the field). */
public final class Paging {

    private Paging() {
    }

    /** {@code page} counts from 0; {@code size} is 1 to {@code max}. */
    public static void check(int page, int size, int max) {
        if (page < 0) throw new InvalidInput("page", "får inte vara negativt");
        if (size < 1 || size > max) throw new InvalidInput("size", "ska vara mellan 1 och " + max);
    }
}

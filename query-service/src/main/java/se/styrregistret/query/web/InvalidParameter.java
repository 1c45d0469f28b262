package se.styrregistret.query.web;

/** A query parameter that parsed but makes no sense (answers 400 naming it). */
public class InvalidParameter extends RuntimeException {

    private final String field;

    public InvalidParameter(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

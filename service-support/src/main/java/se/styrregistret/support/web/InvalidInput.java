package se.styrregistret.support.web;

/**
 * Input that passed binding but is still not acceptable: a command field or a query parameter, with
 * the field it concerns and the reason (answers 400 naming the field).
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package se.styrregistret.command.common;

/** Input that passed JSON binding but is still not acceptable, with the field it concerns (answers 400). */
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

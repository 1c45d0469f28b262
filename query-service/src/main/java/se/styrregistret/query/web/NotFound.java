package se.styrregistret.query.web;

/** The thing asked for is not in the register (answers 404). */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}

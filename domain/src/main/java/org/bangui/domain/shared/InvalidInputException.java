package org.bangui.domain.shared;

/** A value failed validation: it is malformed, out of range or not allowed. */
public final class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String code, String message) {
        super(code, Category.INVALID_INPUT, message);
    }
}

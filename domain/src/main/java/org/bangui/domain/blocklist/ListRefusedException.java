package org.bangui.domain.blocklist;

import org.bangui.domain.shared.DomainException;

/**
 * The downloaded body is not taken for a list: empty ({@code empty_list}), no valid line
 * ({@code no_valid_entries}), or more invalid lines than valid ones ({@code mostly_invalid}). An import refuses
 * it whole rather than unban everything the source holds.
 */
public final class ListRefusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ListRefusedException(String code, String message) {
        super(code, Category.UNPROCESSABLE, message);
    }
}

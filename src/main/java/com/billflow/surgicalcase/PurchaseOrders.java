package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import com.billflow.common.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hospital's purchase order numbers for a case: one for all manufacturers, or one per
 * manufacturer. Built only through {@link #of}, which refuses anything incomplete.
 */
public record PurchaseOrders(String allManufacturers, Map<String, String> byManufacturer) {

    public static final int MAX_LENGTH = 64;

    public PurchaseOrders {
        byManufacturer = byManufacturer == null ? Map.of() : Map.copyOf(byManufacturer);
    }

    /**
     * Checks what the user entered against the manufacturers on the case.
     *
     * @param all            the "All Manufacturers" PO, may be blank
     * @param perManufacturer manufacturer to PO, may hold blanks for manufacturers left empty
     */
    public static PurchaseOrders of(String all, Map<String, String> perManufacturer, Collection<String> manufacturersOnCase) {
        Map<String, String> entered = new LinkedHashMap<>();
        if (perManufacturer != null) {
            perManufacturer.forEach((manufacturer, po) -> {
                String number = Text.optional("PO number for " + manufacturer, po, MAX_LENGTH);
                if (number != null) {
                    entered.put(manufacturer == null ? "" : manufacturer.strip(), number);
                }
            });
        }
        String forAll = Text.optional("PO number for all manufacturers", all, MAX_LENGTH);
        if (forAll != null) {
            if (!entered.isEmpty()) {
                throw new InvalidInputException("Enter either one PO number for all manufacturers or one per manufacturer, not both");
            }
            return new PurchaseOrders(forAll, Map.of());
        }
        if (entered.isEmpty()) {
            throw new InvalidInputException("Enter the PO number: one for all manufacturers, or one for each manufacturer on the case ("
                    + String.join(", ", manufacturersOnCase) + ")");
        }
        List<String> unknown = entered.keySet().stream().filter(m -> !manufacturersOnCase.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Not a manufacturer on this case: " + String.join(", ", unknown)
                    + " (the case has " + String.join(", ", manufacturersOnCase) + ")");
        }
        List<String> missing = new ArrayList<>(manufacturersOnCase);
        missing.removeAll(entered.keySet());
        if (!missing.isEmpty()) {
            throw new InvalidInputException("A PO number is missing for " + String.join(", ", missing)
                    + ": enter one for every manufacturer, or one PO for all manufacturers");
        }
        return new PurchaseOrders(null, entered);
    }

    public boolean isForAllManufacturers() {
        return allManufacturers != null;
    }

    public String poFor(String manufacturer) {
        return isForAllManufacturers() ? allManufacturers : byManufacturer.get(manufacturer);
    }

    /** The PO numbers as one reference text, e.g. "PO-1" or "Acme: PO-1; Zimmer: PO-2". */
    public String reference(List<String> manufacturers) {
        if (isForAllManufacturers()) {
            return allManufacturers;
        }
        return manufacturers.stream().map(m -> m + ": " + byManufacturer.get(m)).collect(Collectors.joining("; "));
    }
}

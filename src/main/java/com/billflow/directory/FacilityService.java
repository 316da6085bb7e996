package com.billflow.directory;

import com.billflow.common.AlreadyExistsException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
public class FacilityService {

    static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    private final FacilityRepository facilities;

    FacilityService(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    @Transactional(readOnly = true)
    public Facility get(String code) {
        return facilities.findById(code).orElseThrow(() -> NotFoundException.of("Facility", code));
    }

    /** As {@link #get} for a code that arrives inside a request body: unknown is the caller's input error. */
    @Transactional(readOnly = true)
    public Facility getReferenced(String code) {
        return facilities.findById(code).orElseThrow(() ->
                new InvalidInputException("facilityCode '" + code + "' is not a known facility"));
    }

    @Transactional(readOnly = true)
    public List<Facility> all() {
        return facilities.findAllByOrderByCode();
    }

    @Transactional
    public Facility create(FacilityRequest request) {
        if (request.code() == null) {
            throw new InvalidInputException("code is required");
        }
        if (facilities.existsById(request.code())) {
            throw new AlreadyExistsException("Facility '" + request.code() + "' already exists: use PUT /api/facilities/" + request.code() + " to change it");
        }
        Facility facility = new Facility(request.code());
        apply(facility, request);
        return facilities.save(facility);
    }

    @Transactional
    public Facility update(String code, FacilityRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidInputException("code '" + request.code() + "' in the body differs from '" + code + "' in the path: a facility's code cannot change");
        }
        Facility facility = get(code);
        apply(facility, request);
        return facility;
    }

    private static void apply(Facility facility, FacilityRequest request) {
        facility.update(request.name().strip(), request.address(), request.billingContacts(),
                Boolean.TRUE.equals(request.sendPoReminders()),
                request.paymentTermsDays() == null ? DEFAULT_PAYMENT_TERMS_DAYS : request.paymentTermsDays());
    }
}

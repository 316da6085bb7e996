package com.billflow.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.billflow.common.AlreadyExistsException;
import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Camunda logs every exception a listener throws as a fault: {@code ERROR ENGINE-16004} with the
 * whole stack (the command context) and {@code WARN ENGINE-REST-HTTP500} (the engine REST API,
 * which answers 500 before {@link EngineApiInputErrors} corrects the status). A refused form input
 * (an {@link InvalidInputException} and its kin) is no fault: those two entries are dropped, and
 * the refusal is logged as one INFO line by {@link EngineApiInputErrors}. Every other exception,
 * and every other logger, is logged as before, so ERROR still means a fault.
 */
@Component
class RefusedInputLogFilter extends TurboFilter implements InitializingBean {

    private static final List<Class<? extends RuntimeException>> REFUSALS = List.of(
            InvalidInputException.class, IllegalStatusException.class, NotFoundException.class, AlreadyExistsException.class);

    private static final Set<String> CAMUNDA_FAULT_LOGGERS = Set.of(
            "org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception");

    @Override
    public void afterPropertiesSet() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback && !logback.getTurboFilterList().contains(this)) {
            setName("billflow-refused-input");
            start();
            logback.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !CAMUNDA_FAULT_LOGGERS.contains(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (isRefusedInput(t)) {
            return FilterReply.DENY;
        }
        if (isRefusalTrace(format)) {
            return FilterReply.DENY;
        }
        for (Object param : params == null ? new Object[0] : params) {
            if (param instanceof Throwable thrown && isRefusedInput(thrown) || isRefusalTrace(param)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** The engine REST API logs the stack trace as text: "ENGINE-REST-HTTP500 com.billflow.common.InvalidInputException: ...". */
    private static boolean isRefusalTrace(Object text) {
        return text instanceof String trace
                && REFUSALS.stream().anyMatch(type -> trace.startsWith(type.getName() + ":") || trace.contains(" " + type.getName() + ":"));
    }

    private static boolean isRefusedInput(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (REFUSALS.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}

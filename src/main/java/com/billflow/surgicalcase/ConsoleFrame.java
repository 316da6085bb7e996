package com.billflow.surgicalcase;

import com.billflow.common.ConsolePage;
import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.security.UserNames;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every Console page's frame needs (the signed-in person, whether they are back office or
 * administrator, office manager), and the Console's error pages: a refusal is shown as a page with the service's
 * message, not as the API's JSON. Ordered first so it answers before the API's handler.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleFrame {

    private final UserNames userNames;

    ConsoleFrame(UserNames userNames) {
        this.userNames = userNames;
    }

    @ModelAttribute
    void frame(Model model, Authentication user) {
        if (user == null) {
            return;
        }
        Caller caller = Caller.from(user);
        model.addAttribute("me", new UserNames.Person(caller.userId(), userNames.of(caller.userId())));
        model.addAttribute("backOffice", caller.isIn(Groups.BILLING, Groups.ADMIN));
        model.addAttribute("admin", caller.isIn(Groups.ADMIN));
        model.addAttribute("officeManager", caller.isIn(Groups.OFFICE_MANAGER, Groups.ADMIN));
        model.addAttribute("caseUser", caller.isIn(Groups.SALES_REP, Groups.BILLING, Groups.ADMIN));
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return problem(response, HttpServletResponse.SC_NOT_FOUND, "Not found", e.getMessage(), model);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    String forbidden(RuntimeException e, Model model, HttpServletResponse response) {
        return problem(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "Your groups do not allow this.", model);
    }

    @ExceptionHandler({InvalidInputException.class, IllegalStatusException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class,
            org.springframework.beans.InvalidPropertyException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        String message = e instanceof MethodArgumentTypeMismatchException mismatch
                ? "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName()
                : e.getMessage();
        return problem(response, HttpServletResponse.SC_BAD_REQUEST, "Cannot show this", message, model);
    }

    private String problem(HttpServletResponse response, int status, String title, String message, Model model) {
        response.setStatus(status);
        // An error page's model starts empty: the frame (name, navigation) is added again; "problem", not the layout's flash "message".
        frame(model, SecurityContextHolder.getContext().getAuthentication());
        model.addAttribute("title", title);
        model.addAttribute("problem", message);
        return "surgicalcase/problem";
    }
}

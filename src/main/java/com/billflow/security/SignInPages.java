package com.billflow.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The one sign-in page of every Billflow page and of Tasklist, Cockpit and Admin ({@code GET /login},
 * posted to Spring Security's form login), and the sign-out confirmation ({@code GET /logout}, posting
 * {@code /logout}). Both carry the CSRF token; the styles come from /billflow/billflow.css.
 */
@Controller
class SignInPages {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, CsrfToken csrf) {
        String notice = error != null
                ? "<p class=\"error\" role=\"alert\">Unknown user or wrong password. After a wrong password Billflow holds back that user's next sign-in for a few seconds.</p>"
                : logout != null ? "<p class=\"notice\" role=\"status\">You are signed out.</p>" : "";
        return page("Sign in", """
                <form class="panel sign-in" method="post" action="/login">
                  <h2>Sign in</h2>
                  <p class="muted">One sign-in for Tasklist, Cockpit, Admin, the dashboard and the documents.</p>
                  %s
                  <label for="username">Username</label>
                  <input id="username" name="username" placeholder="Username" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" placeholder="Password" autocomplete="current-password" required>
                  %s
                  <button type="submit">Sign in</button>
                </form>""".formatted(notice, hidden(csrf)));
    }

    @GetMapping(value = "/logout", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String signOut(CsrfToken csrf) {
        return page("Sign out", """
                <form class="panel sign-in" method="post" action="/logout">
                  <h2>Sign out</h2>
                  <p>Sign out of Billflow, Tasklist, Cockpit and Admin?</p>
                  %s
                  <button type="submit">Sign out</button>
                </form>""".formatted(hidden(csrf)));
    }

    private static String hidden(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + htmlEscape(csrf.getParameterName()) + "\" value=\"" + htmlEscape(csrf.getToken()) + "\">";
    }

    private static String page(String title, String main) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s · Billflow</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/billflow/billflow.css"></head>
                <body><header><h1>Billflow</h1></header><main class="centered">%s</main></body></html>""".formatted(title, main);
    }
}

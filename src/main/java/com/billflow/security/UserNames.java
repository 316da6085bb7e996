package com.billflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * People as pages show them: "Riley Rep" rather than {@code rep}, from the Camunda user's first and
 * last name (the id when the user has no name or no longer exists). Used from templates as
 * {@code ${@userNames.of(id)}}.
 */
@Component("userNames")
public class UserNames {

    /** A user id and the name to show for it. */
    public record Person(String id, String name) {
    }

    private final IdentityService identity;

    UserNames(IdentityService identity) {
        this.identity = identity;
    }

    public String of(String userId) {
        if (userId == null) {
            return "system";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : nameOf(user);
    }

    /** Every member of {@code group}, by name. */
    public List<Person> membersOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(user -> new Person(user.getId(), nameOf(user)))
                .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}

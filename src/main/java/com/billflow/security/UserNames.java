package com.billflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * The names of several users with one identity query (for lists: a page of cases, the reps of a chart).
     *
     * @param userIds Camunda user ids; null and repeated ids are fine
     * @return each given id mapped to its name, or to the id itself when no such user is on file
     */
    public Map<String, String> namesOf(Collection<String> userIds) {
        Set<String> ids = userIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()
                    .forEach(user -> names.put(user.getId(), nameOf(user)));
        }
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
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

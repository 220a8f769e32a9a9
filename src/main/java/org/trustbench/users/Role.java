package org.trustbench.users;

/** What a user account may do. A user holds one or more roles; text for each is {@code role.<NAME>}. */
public enum Role {
    DESK_OFFICER,
    FIELD_INSPECTOR,
    SUPERVISOR,
    TRAINER,
    ADMINISTRATOR
}

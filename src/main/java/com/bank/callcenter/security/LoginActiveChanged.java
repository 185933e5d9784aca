package com.bank.callcenter.security;

/**
 * A login was switched on or off by an admin; fired in the same transaction, so the staff record
 * behind it (if any) follows. {@code staffId} is null for logins without a staff record.
 */
public record LoginActiveChanged(String username, String staffId, boolean active) {
}

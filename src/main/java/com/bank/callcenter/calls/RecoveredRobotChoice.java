package com.bank.callcenter.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A robot call's menu choice that reached no instance as a RobotChoice UserEvent (its follower was
 * dead, or the link was down, when the customer pressed), read back from the AstDB entry the robot
 * dialplan keeps ({@code DialplanContract.ROBOT_CHOICE_DB_FAMILY}, key = the call id) when the call was
 * adopted or reconciled, and now on its record. Fired once per record (CDI event) for whoever acts on
 * choices; that one deletes the AstDB entry once the choice is applied.
 */
public record RecoveredRobotChoice(String server, UUID callId, String choice, Instant at) {
}

package com.bank.callcenter.calls;

import java.util.UUID;

/**
 * What an RM's call belongs to when it is placed for a desk claim: a list entry or a callback the
 * RM holds. Implemented by the desk, so that calls need not know how the desk keeps its claims.
 */
public interface AgentCallTargets {

    /**
     * The held entry or callback for this customer.
     *
     * @throws com.bank.callcenter.common.ProblemException 404 when the RM holds no such entry or callback
     *                                                     (never claimed, expired, another RM's), 409 when
     *                                                     it is for another customer
     */
    AgentCallTarget resolve(String staffId, String customerId, Long entryId, Long callbackId);

    /** The call was recorded for the target, in the same transaction. */
    void placed(AgentCallTarget target, UUID callId);

    /** A campaign entry or callback a call is made for: the campaign's cap applies, and its own list's attempts do not count. */
    record AgentCallTarget(String campaignId, Long listId, Long entryId, Long callbackId, int frequencyCapDays) {
    }
}

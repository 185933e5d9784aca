package com.bank.callcenter.campaigns;

import org.junit.jupiter.api.Test;

import static com.bank.callcenter.campaigns.CampaignState.ACTIVE;
import static com.bank.callcenter.campaigns.CampaignState.DRAFT;
import static com.bank.callcenter.campaigns.CampaignState.ENDED;
import static com.bank.callcenter.campaigns.CampaignState.PAUSED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The campaign state machine, transition by transition. */
class CampaignStateTest {

    @Test
    void draftCanBeStartedOrEnded() {
        assertTrue(DRAFT.canBecome(ACTIVE));
        assertTrue(DRAFT.canBecome(ENDED));
    }

    @Test
    void draftCannotBePaused() {
        assertFalse(DRAFT.canBecome(PAUSED));
    }

    @Test
    void activeCanBePausedOrEnded() {
        assertTrue(ACTIVE.canBecome(PAUSED));
        assertTrue(ACTIVE.canBecome(ENDED));
    }

    @Test
    void activeCannotBeStartedAgainOrGoBackToDraft() {
        assertFalse(ACTIVE.canBecome(ACTIVE));
        assertFalse(ACTIVE.canBecome(DRAFT));
    }

    @Test
    void pausedCanBeResumedOrEnded() {
        assertTrue(PAUSED.canBecome(ACTIVE));
        assertTrue(PAUSED.canBecome(ENDED));
        assertFalse(PAUSED.canBecome(PAUSED));
    }

    @Test
    void endedIsFinal() {
        for (CampaignState next : CampaignState.values()) {
            assertFalse(ENDED.canBecome(next), "ENDED -> " + next);
        }
    }

    @Test
    void eachActionLeadsToItsState() {
        assertTrue(CampaignTransition.START.target() == ACTIVE
                && CampaignTransition.PAUSE.target() == PAUSED
                && CampaignTransition.END.target() == ENDED);
    }
}

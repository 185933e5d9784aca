package com.bank.callcenter.diagnostics;

import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.campaigns.CampaignState;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.campaigns.CampaignsConfig;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.desk.AgentState;
import com.bank.callcenter.desk.AgentStates;
import com.bank.callcenter.lists.ListEntries;
import com.bank.callcenter.robot.RobotDialerConfig;
import com.bank.callcenter.robot.RobotSettings;
import com.bank.callcenter.sms.SmsCampaignTemplate;
import com.bank.callcenter.sms.SmsConfig;
import com.bank.callcenter.telephony.Pbx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a campaign is or is not dialing (an SMS campaign: sending) right now, in words a planner
 * understands (Chinese and English).
 */
@ApplicationScoped
public class CampaignDiagnostics {

    /** An ACTIVE AGENT_CALL campaign has customers due, but none of their RMs is at the desk. */
    public static final String NO_RM_AT_DESK = "no-rm-at-desk";

    private final ListEntries entries;
    private final Pbx pbx;
    private final ContactRules rules;
    private final RobotSettings settings;
    private final RobotDialerConfig config;
    private final SmsConfig sms;
    private final SmsCampaignTemplate smsTemplate;
    private final CallCenterConfig callcenter;
    private final CampaignsConfig campaigns;
    private final Clock clock;
    private final AgentStates agents;

    public CampaignDiagnostics(AgentStates agents, ListEntries entries, Pbx pbx, ContactRules rules, RobotSettings settings,
                               RobotDialerConfig config, SmsConfig sms, SmsCampaignTemplate smsTemplate,
                               CallCenterConfig callcenter, CampaignsConfig campaigns, Clock clock) {
        this.agents = agents;
        this.entries = entries;
        this.pbx = pbx;
        this.rules = rules;
        this.settings = settings;
        this.config = config;
        this.sms = sms;
        this.smsTemplate = smsTemplate;
        this.callcenter = callcenter;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public record Reason(String code, String zh, String en) {
    }

    /** Entries of the campaign's newest list by state; inFlight = being dialled (SMS: sent, no answer yet) now, waitingRetry = pending but not yet due. */
    public record Counts(long pending, long inFlight, long done, long skipped, long waitingRetry) {
    }

    /**
     * {@code dialing}: a robot campaign dials, an SMS campaign sends, right now. {@code schedulerOnHere}:
     * whether this instance's scheduled tick runs (callcenter.robot.enabled, for SMS campaigns
     * callcenter.sms.campaigns.enabled); a per-instance setting, so not a reason of the campaign —
     * another instance may be working on it.
     */
    public record Diagnostics(String campaignId, String channel, String state, boolean dialing, List<Reason> reasons,
                              Long listId, Counts counts, Integer concurrency, Double callsPerSecond,
                              Double smsPerSecond, boolean schedulerOnHere) {
    }

    /** The RMs with customers due in the list, when none of them is at the desk (READY, on a call or wrapping up). */
    private Optional<Reason> noRmAtDesk(long listId, Instant now) {
        Set<String> managers = new HashSet<>(entries.managersWithDue(listId, now));
        if (managers.isEmpty()) {
            return Optional.empty();
        }
        boolean anyAtDesk = agents.present().stream()
                .anyMatch(agent -> managers.contains(agent.staffId()) && agent.state() != AgentState.PAUSED);
        if (anyAtDesk) {
            return Optional.empty();
        }
        return Optional.of(new Reason(NO_RM_AT_DESK, managers.size() + " 位客户经理名下有待拨打的客户，但目前没有一位在工作台上就绪"
                + "（人工外呼由客户经理在 /desk 逐个拨打）。",
                managers.size() + " RM(s) have customers due in this campaign, but none of them is at the desk"
                        + " (READY, on a call or wrapping up); agent calls are made by the RMs from /desk."));
    }

    /** How a channel's reasons name what it does: 拨打 / call, or 发送短信 / text. */
    private record Words(String zhDo, String zhContact, String enDo, String enDoing, String enContacted) {
        static final Words CALLS = new Words("拨打", "拨打客户", "call", "dialing", "called");
        static final Words SMS = new Words("发送短信", "给客户发送短信", "text", "sending", "sent SMS");
    }

    @Transactional
    public Diagnostics diagnose(String campaignId) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(campaignId)
                .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        Instant now = clock.instant();
        List<Reason> reasons = new ArrayList<>();
        Long listId = entries.newestList(campaignId).orElse(null);
        Counts counts = listId == null ? new Counts(0, 0, 0, 0, 0) : counts(campaignId, listId, now);
        boolean isRobot = campaign.channel == Channel.ROBOT_CALL;
        boolean isSms = campaign.channel == Channel.SMS;
        Words words = isSms ? Words.SMS : Words.CALLS;
        if (campaign.channel == Channel.AGENT_CALL && campaign.state == CampaignState.ACTIVE && listId != null) {
            noRmAtDesk(listId, now).ifPresent(reasons::add);
        }
        stateReason(campaign.state, words).ifPresent(reasons::add);
        // a robot or SMS campaign's own settings (schedule, cap, template); RobotSettings reads any definition
        RobotSettings.Settings own = isRobot || isSms ? settings.of(campaign.definition) : null;
        if (isSms) {
            smsTemplate.problem(settings.definition(campaign.definition)).ifPresent(why -> reasons.add(new Reason(
                    SmsCampaignTemplate.INVALID, "短信模板无法发送（" + why + "）：请修改活动的 sms.template 后再启动。",
                    "The SMS template cannot be sent (" + why + "): fix the campaign's sms.template.")));
        }
        if (!rules.insideCallingWindow(now)) {
            var window = campaigns.defaults();
            reasons.add(outsideWindow(window.windowStart() + "–" + window.windowEnd(), days(window.workingDays()), words));
        } else if (own != null && !settings.insideSchedule(own, now)) {
            var schedule = own.schedule();
            reasons.add(outsideWindow(schedule.windowStart() + "–" + schedule.windowEnd()
                            + (schedule.from() != null || schedule.to() != null
                            ? ", " + schedule.from() + " – " + schedule.to() : ""),
                    days(schedule.workingDays()), words));
        }
        if (pbx.availableServer().isEmpty()) {
            reasons.add(new Reason("ami-link-down", "与电话系统（Asterisk AMI）的连接已断开，恢复后自动继续" + words.zhDo() + "。",
                    "The link to the telephone system (Asterisk AMI) is down; " + words.enDoing()
                            + " resumes by itself when it is back."));
        }
        if (listId == null) {
            reasons.add(new Reason("no-list-built", "还没有生成目标名单：请先生成今天的名单（每个工作日早上自动生成）。",
                    "No target list has been built yet: build today's list (it is built every working-day morning)."));
        } else if (counts.pending() == 0 && counts.inFlight() == 0) {
            reasons.add(new Reason("list-finished", "名单中的客户都已" + words.zhDo() + "完毕或被排除（完成 " + counts.done()
                    + "，排除 " + counts.skipped() + "），没有可" + words.zhDo() + "的客户。",
                    "Every entry of the list is done or excluded (" + counts.done() + " done, " + counts.skipped()
                            + " excluded): nobody is left to " + words.enDo() + "."));
        } else if (counts.pending() > 0 && counts.pending() == counts.waitingRetry()) {
            reasons.add(isSms
                    ? new Reason("waiting-for-retry", "剩下的 " + counts.pending() + " 位客户都在等待重发时间（短信发送失败后按规则间隔重发）。",
                    "The " + counts.pending() + " remaining customers are all waiting for their retry time"
                            + " (after a failed SMS, as the contact policy says).")
                    : new Reason("waiting-for-retry", "剩下的 " + counts.pending() + " 位客户都在等待重拨时间（未接通或占线后按规则间隔重拨）。",
                    "The " + counts.pending() + " remaining customers are all waiting for their retry time"
                            + " (after no answer or busy, as the contact policy says)."));
        }
        if (isRobot && counts.inFlight() >= own.concurrency()) {
            reasons.add(new Reason("concurrency-full", "同时通话数已达上限 " + own.concurrency() + "，有通话结束后再拨下一位。",
                    "All " + own.concurrency() + " lines of the campaign are busy (concurrency limit);"
                            + " the next customer is dialled when a call ends."));
        }
        boolean dialing = own != null && reasons.isEmpty();
        return new Diagnostics(campaignId, campaign.channel.name(), campaign.state.name(), dialing, reasons, listId,
                counts, isRobot ? own.concurrency() : null, isRobot ? own.callsPerSecond() : null,
                isSms ? sms.campaigns().perSecond() : null,
                isSms ? sms.campaigns().enabled() : config.enabled());
    }

    private Reason outsideWindow(String window, String days, Words words) {
        return new Reason("outside-calling-window",
                "现在不在外呼时段内：只在 " + window + "（" + callcenter.zone() + "）的 " + days + " " + words.zhContact() + "。",
                "Outside the calling window " + window + " (" + callcenter.zone() + ") on " + days
                        + ": customers are " + words.enContacted() + " only then.");
    }

    private static String days(java.util.Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    private static java.util.Optional<Reason> stateReason(CampaignState state, Words words) {
        boolean sms = words == Words.SMS;
        switch (state) {
            case DRAFT:
                return java.util.Optional.of(new Reason("campaign-draft", "活动仍是草稿，尚未启动。",
                        "The campaign is a draft and has not been started."));
            case PAUSED:
                return java.util.Optional.of(sms
                        ? new Reason("campaign-paused", "活动已暂停：不再发送新的短信。",
                        "The campaign is paused: no new SMS are sent.")
                        : new Reason("campaign-paused", "活动已暂停：不再拨打新的客户，进行中的通话会正常结束。",
                        "The campaign is paused: no new calls; calls in progress finish."));
            case ENDED:
                return java.util.Optional.of(new Reason("campaign-ended", "活动已结束，不再" + words.zhDo() + "。",
                        "The campaign has ended: no more " + (sms ? "SMS." : "calls.")));
            default:
                return java.util.Optional.empty();
        }
    }

    private Counts counts(String campaignId, long listId, Instant now) {
        ListEntries.Counts counts = entries.counts(listId, now);
        return new Counts(counts.pending(), entries.inProgress(campaignId), counts.done(), counts.skipped(),
                counts.waitingRetry());
    }
}

package com.bank.callcenter.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the pages, used in templates as {@code {msg:loginTitle}}. The texts live in
 * {@code messages/msg_zh.properties} (default) and {@code messages/msg_en.properties}.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface PageMessages {

    @Message
    String appTitle();

    @Message
    String loginTitle();

    @Message
    String loginUsername();

    @Message
    String loginPassword();

    @Message
    String loginSubmit();

    @Message
    String loginError();

    @Message
    String navHome();

    @Message
    String navImports();

    @Message
    String navApi();

    @Message
    String navLogout();

    @Message
    String homeTitle();

    @Message
    String homeSignedInAs(String username);

    @Message
    String homeRoles();

    @Message
    String homeStaffId();

    @Message
    String homePages();

    @Message
    String homeImportsHint();

    @Message
    String homeApiHint();

    @Message
    String importsTitle();

    @Message
    String importsIntro();

    @Message
    String importsKind();

    @Message
    String importsKindCustomers();

    @Message
    String importsKindHoldings();

    @Message
    String importsKindTransfers();

    @Message
    String importsKindStaff();

    @Message
    String importsKindDnc();

    @Message
    String importsAsOf();

    @Message
    String importsFile();

    @Message
    String importsSubmit();

    @Message
    String importsChooseFile();

    @Message
    String importsUploading();

    @Message
    String importsQueued();

    @Message
    String importsRunning();

    @Message
    String importsSucceeded();

    @Message
    String importsFailed();

    @Message
    String importsRowsRead();

    @Message
    String importsAccepted();

    @Message
    String importsRejected();

    @Message
    String importsLine();

    @Message
    String importsColumn();

    @Message
    String importsMessage();

    @Message
    String importsFormats();

    @Message
    String navCampaigns();

    @Message
    String homeCampaignsHint();

    @Message
    String campaignsTitle();

    @Message
    String campaignsIntro();

    @Message
    String campaignsReadOnly();

    @Message
    String campaignsNone();

    @Message
    String campaignsId();

    @Message
    String campaignsName();

    @Message
    String campaignsChannel();

    @Message
    String campaignsState();

    @Message
    String campaignsPriority();

    @Message
    String campaignsSource();

    @Message
    String campaignsVersion();

    @Message
    String campaignsUpdated();

    @Message
    String campaignsActions();

    @Message
    String campaignsStart();

    @Message
    String campaignsPause();

    @Message
    String campaignsEnd();

    @Message
    String campaignsActionFailed();

    @Message
    String campaignsFileProblems();

    @Message
    String campaignsFile();

    @Message
    String campaignsField();

    @Message
    String campaignsMessage();

    @Message
    String stateDraft();

    @Message
    String stateActive();

    @Message
    String statePaused();

    @Message
    String stateEnded();

    @Message
    String channelAgentCall();

    @Message
    String channelRobotCall();

    @Message
    String channelSms();

    @Message
    String campaignBack();

    @Message
    String campaignDefinition();

    @Message
    String campaignDefinitionHint();

    @Message
    String campaignSave();

    @Message
    String campaignSaved();

    @Message
    String campaignNotJson();

    @Message
    String campaignPreview();

    @Message
    String campaignPreviewHint();

    @Message
    String campaignAsOf();

    @Message
    String campaignPreviewButton();

    @Message
    String campaignPreviewRunning();

    @Message
    String campaignPreviewCount();

    @Message
    String campaignExcluded();

    @Message
    String campaignExcludedClosed();

    @Message
    String campaignExcludedNoMobile();

    @Message
    String campaignExcludedDoNotCall();

    @Message
    String campaignExcludedOpenComplaint();

    @Message
    String campaignExcludedFrequencyCap();

    @Message
    String campaignExcludedNoManager();

    @Message
    String campaignSample();

    @Message
    String campaignCustomer();

    @Message
    String campaignReason();

    @Message
    String campaignManager();

    @Message
    String navDesk();

    @Message
    String navDashboard();

    @Message
    String navScores();

    @Message
    String homeDeskHint();

    @Message
    String homeDeskGo();

    @Message
    String deskTitle();

    @Message
    String deskState();

    @Message
    String deskStateReady();

    @Message
    String deskStatePaused();

    @Message
    String deskStateOffline();

    @Message
    String deskStateOnCall();

    @Message
    String deskStateWrapUp();

    @Message
    String deskSince();

    @Message
    String deskWrapUpLeft();

    @Message
    String deskPauseReason();

    @Message
    String deskPauseReasonPick();

    @Message
    String deskPauseReasonFirst();

    @Message
    String deskReasonBreak();

    @Message
    String deskReasonMeal();

    @Message
    String deskReasonMeeting();

    @Message
    String deskReasonTraining();

    @Message
    String deskReasonPaperwork();

    @Message
    String deskNext();

    @Message
    String deskCall();

    @Message
    String deskHangup();


    @Message
    String deskNothingDue();

    @Message
    String deskNoCustomer();

    @Message
    String deskHandoff();

    @Message
    String deskCustomer();

    @Message
    String deskMobile();

    @Message
    String deskTier();

    @Message
    String deskAum();

    @Message
    String deskBranch();

    @Message
    String deskListReason();

    @Message
    String deskCampaign();

    @Message
    String deskScript();

    @Message
    String deskHoldings();

    @Message
    String deskProduct();

    @Message
    String deskAmount();

    @Message
    String deskMaturity();

    @Message
    String deskOutflows();

    @Message
    String deskAt();

    @Message
    String deskCounterparty();

    @Message
    String deskContacts();

    @Message
    String deskChannel();

    @Message
    String deskOutcome();

    @Message
    String deskNone();

    @Message
    String deskCallState();

    @Message
    String deskCallQueued();

    @Message
    String deskCallDialing();

    @Message
    String deskCallRinging();

    @Message
    String deskCallAnswered();

    @Message
    String deskCallCompleted();

    @Message
    String deskCallFailed();

    @Message
    String deskCallUnknown();

    @Message
    String deskTalkSeconds();

    @Message
    String deskDisposition();

    @Message
    String deskCodeInterested();

    @Message
    String deskCodeNotInterested();

    @Message
    String deskCodeCallback();

    @Message
    String deskCodeSold();

    @Message
    String deskCodeWrongNumber();

    @Message
    String deskCodeNoAnswer();

    @Message
    String deskCodeDoNotCall();

    @Message
    String deskNote();

    @Message
    String deskCallbackAt();

    @Message
    String deskProductCode();

    @Message
    String deskSaveDisposition();

    @Message
    String deskDispositionSaved();

    @Message
    String deskPickCode();

    @Message
    String deskCallFirst();

    @Message
    String deskSms();

    @Message
    String deskSmsTemplate();

    @Message
    String deskSmsSend();

    @Message
    String deskSmsSent();

    @Message
    String deskToday();

    @Message
    String deskDialled();

    @Message
    String deskAnswered();

    @Message
    String deskEffective();

    @Message
    String deskStandard();

    @Message
    String deskTalk();

    @Message
    String deskSmsCount();

    @Message
    String deskQueue();

    @Message
    String deskCallbacks();

    @Message
    String deskDue();

    @Message
    String deskNoCallbacks();

    @Message
    String deskCallBack();

    @Message
    String deskShortcuts();

    @Message
    String deskShortcutsHint();

    @Message
    String deskReconnecting();

    @Message
    String deskFailed();

    @Message
    String tierPrivateBanking();

    @Message
    String tierWealth();

    @Message
    String tierMidHigh();

    @Message
    String tierLongTail();

    @Message
    String tierMass();

    @Message
    String productTimeDeposit();

    @Message
    String productWealth();

    @Message
    String productFund();

    @Message
    String productInsurance();

    @Message
    String productPreciousMetal();

    @Message
    String productCurrentDeposit();

    @Message
    String scoresTitle();

    @Message
    String scoresIntro();

    @Message
    String scoresPeriod();

    @Message
    String scoresShow();

    @Message
    String scoresExport();

    @Message
    String scoresClose();

    @Message
    String scoresCloseConfirm();

    @Message
    String scoresClosed();

    @Message
    String scoresOpen();

    @Message
    String scoresNone();

    @Message
    String scoresLoading();

    @Message
    String scoresFailed();

    @Message
    String scoresStaffId();

    @Message
    String scoresName();

    @Message
    String scoresBranch();

    @Message
    String scoresQuantitative();

    @Message
    String scoresQualitative();

    @Message
    String scoresDeduction();

    @Message
    String scoresTotal();

    @Message
    String scoresBreakdown();

    @Message
    String scoresIndicator();

    @Message
    String scoresMethod();

    @Message
    String scoresBase();

    @Message
    String scoresMeasured();

    @Message
    String scoresTarget();

    @Message
    String scoresPoints();

    @Message
    String scoresStandard();

    @Message
    String scoresWorkingDays();

    @Message
    String scoresEffectiveCalls();

    @Message
    String scoresShortfall();

    @Message
    String scoresRecords();

    @Message
    String scoresCounted();

    @Message
    String scoresNotCounted();

    @Message
    String scoresQualitativeForm();

    @Message
    String scoresTraining();

    @Message
    String scoresDailyManagement();

    @Message
    String scoresTargets();

    @Message
    String scoresSave();

    @Message
    String scoresSaved();

    @Message
    String scoresClosedHint();

    @Message
    String indicatorCustomerDevelopment();

    @Message
    String indicatorAssetIncrement();

    @Message
    String indicatorKeyProducts();

    @Message
    String indicatorPenetration();

    @Message
    String indicatorCalls();

    @Message
    String indicatorSms();

    @Message
    String indicatorTraining();

    @Message
    String indicatorDailyManagement();

    @Message
    String methodTargetRatio();

    @Message
    String methodEntered();

    @Message
    String methodStandardDeviation();

    @Message
    String campaignFunnel();

    @Message
    String campaignFunnelHint();

    @Message
    String campaignFunnelFrom();

    @Message
    String campaignFunnelTo();

    @Message
    String campaignFunnelShow();

    @Message
    String campaignFunnelStep();

    @Message
    String campaignFunnelCount();

    @Message
    String campaignFunnelOutcomes();

    @Message
    String campaignFunnelNoOutcomes();

    @Message
    String funnelListed();

    @Message
    String funnelAttempted();

    @Message
    String funnelReached();

    @Message
    String funnelRobot();

    @Message
    String funnelCall();

    @Message
    String funnelDisposition();

    @Message
    String funnelSms();

    @Message
    String dashTitle();

    @Message
    String dashLive();

    @Message
    String dashConnecting();

    @Message
    String dashReconnecting();

    @Message
    String dashUpdatedAt();

    @Message
    String dashAgents();

    @Message
    String dashNoAgents();

    @Message
    String dashCallsInProgress();

    @Message
    String dashToday();

    @Message
    String dashDialled();

    @Message
    String dashAnswered();

    @Message
    String dashAnswerRate();

    @Message
    String dashEffective();

    @Message
    String dashAvgTalk();

    @Message
    String dashSms();

    @Message
    String dashPerAgent();

    @Message
    String dashStandardHint(int effective, int sms);

    @Message
    String dashName();

    @Message
    String dashState();

    @Message
    String dashFor();

    @Message
    String dashTalk();

    @Message
    String dashRobot();

    @Message
    String dashPressed1();

    @Message
    String dashPressed2();

    @Message
    String dashPressed9();

    @Message
    String dashNoInput();

    @Message
    String dashRobotInProgress();

    @Message
    String dashHourly();

    @Message
    String dashHourlyLabel();

    @Message
    String dashFailed();
}

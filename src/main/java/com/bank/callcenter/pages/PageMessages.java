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
}

package com.bank.callcenter.telephony;

/** The link to the PBX is down: the action was not sent. */
public class PbxUnavailableException extends RuntimeException {

    public PbxUnavailableException(String server, Throwable cause) {
        super("PBX " + server + " is unreachable", cause);
    }
}

package com.bank.callcenter.campaigns;

/** A campaign file that was not loaded: the file, the field at fault ("" for the whole file) and why. */
public record FileProblem(String file, String field, String message) {
}

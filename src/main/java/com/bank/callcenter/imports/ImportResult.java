package com.bank.callcenter.imports;

import java.time.LocalDate;

/** The answer to a successful import: every row accepted, none rejected. */
public record ImportResult(String kind, LocalDate asOf, long accepted, long rejected) {
}

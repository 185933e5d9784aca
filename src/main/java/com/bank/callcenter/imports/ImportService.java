package com.bank.callcenter.imports;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;

/** Applies one CSV extract all-or-nothing. (Being written: the signature is the contract.) */
@ApplicationScoped
public class ImportService {

    /**
     * Streams the CSV, validates every row and applies the file in one transaction.
     *
     * @throws com.bank.callcenter.common.ProblemException 422 with "errors" [{line, column, message}]
     *         when any row is bad (nothing applied), 400/415 when the file is not usable CSV
     */
    public ImportResult importCsv(ImportKind kind, LocalDate asOf, InputStream body, Charset charset,
                                  String requestedBy) {
        throw new UnsupportedOperationException("imports are being written");
    }
}

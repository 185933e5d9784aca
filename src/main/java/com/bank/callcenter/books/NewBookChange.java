package com.bank.callcenter.books;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request to move a customer to another manager's book, or (toManagerId null) out of any book. */
public record NewBookChange(
        @NotBlank @Size(max = 64) String customerId,
        @Size(min = 1, max = 64) String toManagerId,
        @NotBlank @Size(max = 1000) String reason) {
}

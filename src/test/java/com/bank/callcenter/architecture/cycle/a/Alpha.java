package com.bank.callcenter.architecture.cycle.a;

import com.bank.callcenter.architecture.cycle.b.Beta;

/** Test fixture: half of a deliberate package cycle, to prove the cycle rule can fail. */
public class Alpha {

    public Beta partner() {
        return new Beta();
    }
}

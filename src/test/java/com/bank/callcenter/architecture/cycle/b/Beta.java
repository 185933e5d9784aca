package com.bank.callcenter.architecture.cycle.b;

import com.bank.callcenter.architecture.cycle.a.Alpha;

/** Test fixture: the other half of a deliberate package cycle. */
public class Beta {

    public Alpha partner() {
        return new Alpha();
    }
}

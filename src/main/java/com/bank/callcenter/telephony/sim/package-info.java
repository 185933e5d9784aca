/**
 * A simulated PBX that speaks AMI over TCP as Asterisk 22 does, for tests and the embedded demo.
 *
 * <p>{@link com.bank.callcenter.telephony.sim.SimulatedPbx} listens like Asterisk's manager port;
 * {@link com.bank.callcenter.telephony.sim.SimulatedPbxOptions} sets credentials, timing, the seed and the
 * {@link com.bank.callcenter.telephony.sim.OutcomeRule} (a seeded {@link com.bank.callcenter.telephony.sim.OutcomeMix}
 * or the {@link com.bank.callcenter.telephony.sim.LastDigitOutcomeRule} table). Each Originate is played by
 * {@link com.bank.callcenter.telephony.sim.CallScenario} from what a real Asterisk 22.9.0 sent for the same
 * outcome (see {@code src/test/resources/asterisk/transcripts}); events of different channels are interleaved
 * in a seeded random order, as Asterisk does not fix that order either. The app_queue queues of the options
 * ({@link com.bank.callcenter.telephony.sim.SimulatedQueue}) take members with QueueAdd and, with
 * {@link com.bank.callcenter.telephony.sim.QueueHandoff}, the robot-call customers who press 1.
 */
package com.bank.callcenter.telephony.sim;

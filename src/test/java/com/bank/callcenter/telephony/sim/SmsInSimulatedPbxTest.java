package com.bank.callcenter.telephony.sim;

import com.bank.callcenter.telephony.DialplanContract;
import org.asteriskjava.manager.action.MessageSendAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated PBX's SMS side on the wire: an inbound SMS is raised like the SIP MESSAGE loopback
 * of the transcript (same snapshot block, then the contract's UserEvent SmsIn with From and Body),
 * and a refused destination fails as an unknown endpoint does.
 */
class SmsInSimulatedPbxTest {

    private SimulatedPbx pbx;

    @BeforeEach
    void startPbx() throws Exception {
        pbx = new SimulatedPbx(SimulatedPbxOptions.builder().port(0).username("svc").secret("svcpass")
                .timeScale(0.02).timingJitter(0).build()).start();
    }

    @AfterEach
    void stopPbx() {
        pbx.stop();
    }

    @Test
    void inboundSmsIsRaisedLikeTheTranscriptsLoopbackUserEvent() throws Exception {
        AmiMessage recorded = AmiTranscript.load("noanswer-click-to-call-sms.txt").scenario("sms").events("UserEvent")
                .get(0).message();
        try (RawAmiClient client = new RawAmiClient(pbx.port())) {
            client.loginWithSecret("svc", "svcpass", "user");
            pbx.deliverInboundSms("\"13800000000\" <sip:13800000000@carrier>", "TD");
            List<String> raws = client.readUntil(m -> "UserEvent".equals(m.get("Event")));
            AmiMessage event = RawAmiClient.parse(raws.get(raws.size() - 1));

            List<String> recordedKeys = keys(recorded);
            List<String> snapshot = recordedKeys.subList(0, recordedKeys.indexOf("UserEvent") + 1);
            List<String> keys = keys(event);
            assertEquals(snapshot, keys.subList(0, snapshot.size()), "the loopback's snapshot block, then UserEvent");
            assertEquals(List.of("From", "Body"), keys.subList(snapshot.size(), keys.size()));
            assertEquals(recorded.get("Privilege"), event.get("Privilege"));
            assertEquals(recorded.get("Channel"), event.get("Channel"));
            assertEquals(recorded.get("ChannelState"), event.get("ChannelState"));
            assertEquals(DialplanContract.SMS_IN_EVENT, event.get("UserEvent"));
            assertEquals(DialplanContract.SMS_IN_CONTEXT, event.get("Context"));
            assertEquals("\"13800000000\" <sip:13800000000@carrier>", event.get("From"));
            assertEquals("TD", event.get("Body"));
        }
    }

    @Test
    void contractNamesMatchTheSimulatorsDefaults() {
        assertEquals(DialplanContract.SMS_IN_EVENT, SimulatedPbx.SMS_IN_EVENT);
        assertEquals(DialplanContract.SMS_IN_CONTEXT, SimulatedPbx.SMS_IN_CONTEXT);
    }

    @Test
    void refusedDestinationFailsAsAnUnknownEndpointAndAcceptedOnesAreKept() throws Exception {
        try (AsteriskJavaClient client = AsteriskJavaClient.loggedIn(pbx)) {
            pbx.refuseMessagesTo("13900000001");
            assertEquals("Message failed to send.", send(client, "pjsip:sms-gw/sip:13900000001@carrier", "您好").getMessage());
            assertEquals("Message successfully sent", send(client, "pjsip:sms-gw/sip:13900000002@carrier", "你好").getMessage());
            List<SimulatedMessage> sent = pbx.sentMessages();
            assertEquals(1, sent.stream().filter(m -> m.to().contains("13900000002")).count());
            assertTrue(sent.stream().noneMatch(m -> m.to().contains("13900000001")));
            assertEquals("你好", sent.get(sent.size() - 1).body());
        }
    }

    private static org.asteriskjava.manager.response.ManagerResponse send(AsteriskJavaClient client, String to, String body)
            throws Exception {
        MessageSendAction action = new MessageSendAction();
        action.setTo(to);
        action.setBody(body);
        return client.connection().sendAction(action);
    }

    private static List<String> keys(AmiMessage message) {
        return message.fields().stream().map(AmiMessage.Field::key).toList();
    }
}

package com.bank.callcenter.telephony;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** {@code ami://user:secret@host:port}; the name of a server is host:port. */
public record AmiServerAddress(String host, int port, String username, String secret) {

    public static final int DEFAULT_PORT = 5038;

    public static AmiServerAddress parse(String text) {
        URI uri = URI.create(text.trim());
        if (!"ami".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() == null
                || !uri.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("telephony.ami.servers: expected ami://user:secret@host:port, got "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        return new AmiServerAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1)));
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    public String name() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "ami://" + username + ":***@" + name();
    }
}

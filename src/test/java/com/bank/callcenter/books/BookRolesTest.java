package com.bank.callcenter.books;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.bank.callcenter.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may call which books endpoint: the 403s and 401s, endpoint by endpoint. */
@QuarkusTest
class BookRolesTest {

    /** The endpoints, each with a request that would be valid for an allowed role. */
    enum Endpoint {
        ASSIGN("POST", "/api/books/assign", false),
        LOCK("POST", "/api/books/lock?period=2095-01", false),
        UNLOCK("DELETE", "/api/books/lock?period=2095-01", false),
        LIST_LOCKS("GET", "/api/books/locks", false),
        REQUEST_CHANGE("POST", "/api/books/changes", true),
        APPROVE("POST", "/api/books/changes/1/approve", false),
        REJECT("POST", "/api/books/changes/1/reject", false),
        LIST_CHANGES("GET", "/api/books/changes?state=PENDING", false),
        SUMMARY("GET", "/api/books/S-00000000", false);

        final String method;
        final String path;
        final boolean hasBody;

        Endpoint(String method, String path, boolean hasBody) {
            this.method = method;
            this.path = path;
            this.hasBody = hasBody;
        }

        io.restassured.response.Response call(RequestSpecification as) {
            RequestSpecification request = hasBody
                    ? as.contentType(ContentType.JSON).body("{\"customerId\":\"C-x\",\"reason\":\"r\"}")
                    : as;
            return request.request(method, path);
        }
    }

    @Inject
    Fixtures fixtures;

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = {"REQUEST_CHANGE", "SUMMARY"}, mode = EnumSource.Mode.EXCLUDE)
    void remoteManagerIsForbidden(Endpoint endpoint) {
        String rm = fixtures.remoteManagerWithLogin(unique("BR"));

        endpoint.call(Api.as(rm)).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
    }

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = "SUMMARY", mode = EnumSource.Mode.EXCLUDE)
    void plannerIsForbidden(Endpoint endpoint) {
        endpoint.call(Api.planner()).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anonymousCallerIsChallenged(Endpoint endpoint) {
        endpoint.call(given()).then().statusCode(401);
    }
}

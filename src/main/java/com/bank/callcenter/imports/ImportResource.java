package com.bank.callcenter.imports;

import com.bank.callcenter.common.AsOfDate;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final int RECENT_JOBS = 50;
    private static final String DEFAULT_CHARSET = "UTF-8";

    private final ImportService imports;
    private final ImportJobs jobs;
    private final CurrentUser currentUser;
    private final CallCenterConfig config;

    public ImportResource(ImportService imports, ImportJobs jobs, CurrentUser currentUser, CallCenterConfig config) {
        this.imports = imports;
        this.jobs = jobs;
        this.currentUser = currentUser;
        this.config = config;
    }

    @POST
    @Path("/{kind}")
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Import one extract (customers, holdings, transfers, staff, dnc, sales, penetration) "
            + "all-or-nothing; a holdings, transfers, sales or penetration extract older than one already applied "
            + "for the same customers is a 409 "
            + "stale-extract unless an ADMIN sends force=true")
    public Response importCsv(@PathParam("kind") String kind,
                              @QueryParam("asOf") String asOf,
                              @QueryParam("charset") String charset,
                              @QueryParam("async") @DefaultValue("false") boolean async,
                              @QueryParam("force") @DefaultValue("false") boolean force,
                              @HeaderParam("Content-Length") Long contentLength,
                              @HeaderParam("Content-Type") MediaType contentType,
                              InputStream body) {
        if (force && !currentUser.is(Roles.ADMIN)) {
            throw ProblemException.forbidden("only an ADMIN may force an extract older than one already applied");
        }
        ImportKind importKind = ImportKind.fromPath(kind);
        if (importKind.adminOnly() && !currentUser.is(Roles.ADMIN)) {
            throw ProblemException.forbidden("only an admin imports " + importKind.pathName());
        }
        LocalDate date = asOf(asOf);
        Charset decoding = charset(charset != null ? charset
                : contentType != null ? contentType.getParameters().getOrDefault("charset", DEFAULT_CHARSET)
                : DEFAULT_CHARSET);
        if (async) {
            ImportJob job = imports.submit(importKind, date, body, decoding, currentUser.username(), force);
            return Response.accepted(Map.of("jobId", job.id, "state", job.state))
                    .location(URI.create("/api/imports/" + job.id)).build();
        }
        return Response.ok(imports.importCsv(importKind, date, body, decoding, currentUser.username(), contentLength, force))
                .build();
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR})
    @Operation(summary = "Progress and result of an import")
    public ImportJobView job(@PathParam("jobId") String jobId) {
        try {
            return ImportJobView.of(jobs.get(UUID.fromString(jobId)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("import job", jobId);
        }
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR})
    @Operation(summary = "The most recent imports")
    public List<ImportJobView> recent() {
        return jobs.recent(RECENT_JOBS).stream().map(ImportJobView::of).toList();
    }

    private LocalDate asOf(String text) {
        return AsOfDate.parse(text, config.zone());
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.badRequest("bad-charset", "unknown charset " + name + " (use UTF-8 or GBK)");
        }
    }
}

package com.bank.callcenter.sms;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SMS to customers of an RM's book, and the templates they are written from. */
@Path("/api/sms")
@Produces(MediaType.APPLICATION_JSON)
public class SmsResource {

    /** Whom to write and what: a template's id or a free text (not both); the number stays on the server. */
    public record SendSms(@NotBlank String customerId, String templateId, String text) {
    }

    /** A new template; variables {customerName}, {managerName}, {maturityDate}, {bankName}. */
    public record NewTemplate(@NotBlank String id, @NotBlank String name, @NotBlank String body, Boolean active) {
    }

    public record TemplateChange(@NotBlank String name, @NotBlank String body, Boolean active) {
    }

    private final SmsService sms;
    private final SmsTemplates templates;
    private final CurrentUser user;

    public SmsResource(SmsService sms, SmsTemplates templates, CurrentUser user) {
        this.sms = sms;
        this.templates = templates;
        this.user = user;
    }

    /** 202 {"smsId"}: recorded and handed to the PBX; GET it for what Asterisk answered. */
    @POST
    @RolesAllowed(Roles.RM)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Valid @NotNull SendSms body) {
        UUID smsId = sms.send(body.customerId(), body.templateId(), body.text(), user);
        return Response.accepted(Map.of("smsId", smsId)).build();
    }

    @GET
    @Path("/templates")
    @RolesAllowed({Roles.RM, Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
    public List<SmsTemplates.Template> templates() {
        return templates.list();
    }

    @POST
    @Path("/templates")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTemplate(@Valid @NotNull NewTemplate body) {
        SmsTemplates.Template created = templates.create(body.id(), body.name(), body.body(), body.active());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/templates/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public SmsTemplates.Template updateTemplate(@PathParam("id") String id, @Valid @NotNull TemplateChange body) {
        return templates.update(id, body.name(), body.body(), body.active());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RM, Roles.SUPERVISOR, Roles.ADMIN})
    public SmsView get(@PathParam("id") String id) {
        UUID smsId;
        try {
            smsId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("SMS", id);
        }
        return sms.view(smsId, user);
    }
}

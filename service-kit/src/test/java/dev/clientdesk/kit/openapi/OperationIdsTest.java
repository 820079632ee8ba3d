package dev.clientdesk.kit.openapi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdsTest {

    @Test
    void distinctive_unique_methods_stand_alone_and_the_rest_carry_their_noun() {
        assertThat(OperationIds.readable(List.of("ClientResource_register", "ClientResource_get",
                "PartnerResource_get", "PartnerResource_list", "PartnerResource_create", "InvoiceResource_voidInvoice")))
                .containsEntry("ClientResource_register", "register")
                .containsEntry("ClientResource_get", "getClient")
                .containsEntry("PartnerResource_get", "getPartner")
                .containsEntry("PartnerResource_list", "listPartners")
                .containsEntry("PartnerResource_create", "createPartner")
                .containsEntry("InvoiceResource_voidInvoice", "voidInvoice");
    }
}

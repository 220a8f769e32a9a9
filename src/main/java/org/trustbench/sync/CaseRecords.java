package org.trustbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Performer;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistrySignature;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.SiteType;
import org.trustbench.sync.conflict.ConflictField;

/**
 * Verified inbound records as domain values, and the side-by-side comparison conflicts show. Everything here reads
 * records the verifier has already checked against their schema.
 */
final class CaseRecords {

    /** The provider members a {@code registry_update} may change, in the order conflicts list them. */
    static final List<String> PROVIDER_MEMBERS = List.of("nameZh", "nameEn", "entityType", "legalRep", "legalRepTitle",
            "registeredCapital", "registeredAddress", "registrationAuthority", "establishedOn", "termTo",
            "registryStatus", "businessScope");

    private CaseRecords() {
    }

    /** A verified {@code case} record as a new case; {@code blob} is told every attachment digest it refers to. */
    static FilingCase toCase(JsonNode o, Consumer<String> blob) {
        List<ServiceType> services = new ArrayList<>();
        o.get("services").forEach(s -> services.add(ServiceType.valueOf(s.textValue())));
        List<Equipment> equipment = new ArrayList<>();
        o.get("equipment").forEach(e -> equipment.add(new Equipment(e.get("category").textValue(), e.get("make").textValue(),
                e.get("model").textValue(), e.get("serial").textValue(), e.get("specialEquipment").booleanValue(),
                SiteType.valueOf(e.get("siteType").textValue()))));
        List<EvidenceItem> evidence = new ArrayList<>();
        for (JsonNode e : o.get("evidence")) {
            evidence.add(evidence(e, blob));
        }
        JsonNode performer = o.get("performer");
        return new FilingCase(0, o.get("caseNo").textValue(), provider(o.get("provider")), o.get("districtCode").textValue(),
                o.get("platform").textValue(), LocalDate.parse(o.get("receivedOn").textValue()),
                LocalDate.parse(o.get("deadlineOn").textValue()), CaseStatus.valueOf(o.get("status").textValue()),
                opt(o, "assignee"), services, new Performer(performer.get("uscc").textValue(), performer.get("name").textValue()),
                o.get("subcontractDeclared").booleanValue(), equipment, evidence);
    }

    static Provider provider(JsonNode p) {
        return new Provider(0, p.get("uscc").textValue(), p.get("nameZh").textValue(), opt(p, "nameEn"),
                p.get("entityType").textValue(), p.get("legalRep").textValue(), p.get("legalRepTitle").textValue(),
                opt(p, "registeredCapital"), p.get("registeredAddress").textValue(),
                p.get("registrationAuthority").textValue(), LocalDate.parse(p.get("establishedOn").textValue()),
                optDate(p, "termTo"), status(p.get("registryStatus").textValue()), p.get("businessScope").textValue());
    }

    /** {@code p} with the members {@code changes} carries (a null member clears an optional value). */
    static Provider withChanges(Provider p, JsonNode changes) {
        Map<String, String> v = providerValues(p);
        changes.fields().forEachRemaining(f -> v.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().textValue()));
        return new Provider(p.id(), p.uscc(), v.get("nameZh"), v.get("nameEn"), v.get("entityType"), v.get("legalRep"),
                v.get("legalRepTitle"), v.get("registeredCapital"), v.get("registeredAddress"), v.get("registrationAuthority"),
                LocalDate.parse(v.get("establishedOn")), v.get("termTo") == null ? null : LocalDate.parse(v.get("termTo")),
                status(v.get("registryStatus")), v.get("businessScope"));
    }

    /** The provider's values by format member name, as the format writes them. */
    static Map<String, String> providerValues(Provider p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nameZh", p.nameZh());
        v.put("nameEn", p.nameEn());
        v.put("entityType", p.entityType());
        v.put("legalRep", p.legalRep());
        v.put("legalRepTitle", p.legalRepTitle());
        v.put("registeredCapital", p.registeredCapital());
        v.put("registeredAddress", p.registeredAddress());
        v.put("registrationAuthority", p.registrationAuthority());
        v.put("establishedOn", p.establishedOn() == null ? null : p.establishedOn().toString());
        v.put("termTo", p.termTo() == null ? null : p.termTo().toString());
        v.put("registryStatus", p.registryStatus().label());
        v.put("businessScope", p.businessScope());
        return v;
    }

    static EvidenceItem evidence(JsonNode e, Consumer<String> blob) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().textValue()));
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode a : e.get("attachments")) {
            String sm3 = a.get("sm3").textValue();
            blob.accept(sm3);
            attachments.add(new Attachment(a.get("fileName").textValue(), a.get("mediaType").textValue(), sm3, 0));
        }
        JsonNode sig = e.get("signature");
        RegistrySignature signature = sig == null || sig.isNull() ? null
                : new RegistrySignature(sig.get("keyId").textValue(), sig.get("value").textValue());
        return new EvidenceItem(0, EvidenceKind.valueOf(e.get("kind").textValue()),
                EvidenceSource.valueOf(e.get("source").textValue()), e.get("title").textValue(), fields,
                optDate(e, "validFrom"), optDate(e, "validTo"), OffsetDateTime.parse(e.get("recordedAt").textValue()),
                attachments, signature);
    }

    /**
     * Local and incoming case side by side, every member (the UI marks those that differ). The case's workflow status
     * and assignee are local work, not content, and are left out.
     */
    static List<ConflictField> caseFields(FilingCase local, FilingCase incoming) {
        List<ConflictField> out = new ArrayList<>();
        out.add(new ConflictField("districtCode", local.districtCode(), incoming.districtCode()));
        out.add(new ConflictField("platform", local.platform(), incoming.platform()));
        out.add(new ConflictField("receivedOn", str(local.receivedOn()), str(incoming.receivedOn())));
        out.add(new ConflictField("deadlineOn", str(local.deadlineOn()), str(incoming.deadlineOn())));
        out.add(new ConflictField("services", services(local), services(incoming)));
        out.add(new ConflictField("performer", performer(local), performer(incoming)));
        out.add(new ConflictField("subcontractDeclared", String.valueOf(local.subcontractDeclared()),
                String.valueOf(incoming.subcontractDeclared())));
        out.add(new ConflictField("uscc", local.provider().uscc(), incoming.provider().uscc()));
        out.addAll(providerFields(local.provider(), providerValues(incoming.provider())));
        out.add(new ConflictField("equipment", equipment(local.equipment()), equipment(incoming.equipment())));
        out.add(new ConflictField("evidence", evidenceText(local.evidence()), evidenceText(incoming.evidence())));
        return out;
    }

    /** Local provider values beside the incoming ones, for the members {@code incoming} names. */
    static List<ConflictField> providerFields(Provider local, Map<String, String> incoming) {
        Map<String, String> l = providerValues(local);
        List<ConflictField> out = new ArrayList<>();
        for (String name : PROVIDER_MEMBERS) {
            if (incoming.containsKey(name)) {
                out.add(new ConflictField(name, l.get(name), incoming.get(name)));
            }
        }
        return out;
    }

    /** The incoming changes of a {@code registry_update}, by member name (a JSON null as null). */
    static Map<String, String> changes(JsonNode changes) {
        Map<String, String> out = new LinkedHashMap<>();
        changes.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().textValue()));
        return out;
    }

    /** Evidence as comparable text, one item a line: what it says, not where it is stored. */
    static String evidenceText(List<EvidenceItem> items) {
        return items.stream().map(CaseRecords::evidenceLine).collect(Collectors.joining("\n"));
    }

    private static String evidenceLine(EvidenceItem e) {
        StringBuilder b = new StringBuilder();
        b.append(e.kind()).append(' ').append(e.source()).append(" \u201c").append(e.title()).append('\u201d');
        if (e.validFrom() != null || e.validTo() != null) {
            b.append(' ').append(str(e.validFrom())).append("..").append(str(e.validTo()));
        }
        b.append(" @").append(e.recordedAt().toInstant());
        b.append(' ').append(new TreeMap<>(e.fields()));
        if (!e.attachments().isEmpty()) {
            b.append(" files=").append(e.attachments().stream().map(a -> a.fileName() + ":" + a.sm3()).toList());
        }
        if (e.signature() != null) {
            b.append(" sig=").append(e.signature().keyId(), 0, Math.min(16, e.signature().keyId().length()))
                    .append(':').append(e.signature().value());
        }
        return b.toString();
    }

    private static String equipment(List<Equipment> list) {
        return list.stream().map(e -> e.categoryCode() + " " + e.make() + " " + e.model() + " #" + e.serial()
                + (e.specialEquipment() ? " special" : "") + " " + e.siteType()).collect(Collectors.joining("\n"));
    }

    private static String services(FilingCase c) {
        return c.services().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String performer(FilingCase c) {
        return c.performer().uscc() + " " + c.performer().name();
    }

    private static RegistryStatus status(String text) {
        return RegistryStatus.parse(text).orElseThrow(() -> new IllegalStateException("schema allows registry status " + text));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static String opt(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.textValue();
    }

    static LocalDate optDate(JsonNode o, String name) {
        String s = opt(o, name);
        return s == null ? null : LocalDate.parse(s);
    }
}

package dev.clientdesk.kit.web;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of entities with optional filters: a filter whose value is null is left out, so a list endpoint
 * passes its query parameters straight through. Field names come from code, never from a request.
 */
public final class PagedQuery<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String orderBy = "e.id";

    private PagedQuery(EntityManager em, Class<T> type) {
        this.em = em;
        this.type = type;
    }

    public static <T> PagedQuery<T> of(EntityManager em, Class<T> type) {
        return new PagedQuery<>(em, type);
    }

    /** {@code field = value}, unless value is null. */
    public PagedQuery<T> where(String field, Object value) {
        return condition(field, "=", value);
    }

    /** {@code field < value}, unless value is null. */
    public PagedQuery<T> whereBefore(String field, Object value) {
        return condition(field, "<", value);
    }

    /** {@code field IN values}, unless values is null. */
    public PagedQuery<T> whereIn(String field, Collection<?> values) {
        return condition(field, "IN", values);
    }

    /** @param order JPQL ordering over alias {@code e}, e.g. {@code "e.createdAt DESC, e.id"} */
    public PagedQuery<T> orderBy(String order) {
        this.orderBy = order;
        return this;
    }

    public Page<T> page(PageRequest page) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<T> select = em.createQuery("SELECT e FROM " + type.getSimpleName() + " e" + where
                + " ORDER BY " + orderBy, type);
        parameters.forEach(select::setParameter);
        Long total = null;
        if (page.includeTotal) {
            TypedQuery<Long> count = em.createQuery("SELECT count(e) FROM " + type.getSimpleName() + " e" + where,
                    Long.class);
            parameters.forEach(count::setParameter);
            total = count.getSingleResult();
        }
        return Page.of(select.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList(), page,
                total);
    }

    private PagedQuery<T> condition(String field, String operator, Object value) {
        if (value != null) {
            String name = "p" + parameters.size();
            conditions.add("e." + field + " " + operator + " :" + name);
            parameters.put(name, value);
        }
        return this;
    }
}

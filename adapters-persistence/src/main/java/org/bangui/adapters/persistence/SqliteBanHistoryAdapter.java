package org.bangui.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.bangui.domain.ban.BanEvent;
import org.bangui.domain.ban.BanHistoryException;
import org.bangui.domain.ban.BanHistoryPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/** {@link BanHistoryPort} on the {@code ban_event} table. */
@Singleton
@Transactional
public class SqliteBanHistoryAdapter implements BanHistoryPort {

    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final BanEventRepository repository;

    SqliteBanHistoryAdapter(BanEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(List<BanEvent> events) {
        try {
            repository.saveAll(events.stream().map(SqliteBanHistoryAdapter::toRow).toList());
        } catch (DataAccessException e) {
            throw new BanHistoryException("cannot store ban events", e);
        }
    }

    @Override
    public List<BanEvent> eventsFor(IpNetwork target, int limit) {
        try {
            return repository.findByIp(target.text(), Pageable.from(0, limit, NEWEST_FIRST)).stream()
                    .map(SqliteBanHistoryAdapter::toEvent)
                    .toList();
        } catch (DataAccessException e) {
            throw new BanHistoryException("cannot read ban events", e);
        }
    }

    private static BanEventRow toRow(BanEvent event) {
        return new BanEventRow(null, event.type().name(), event.jail().value(), event.target().text(),
                event.at().toEpochMilli());
    }

    private static BanEvent toEvent(BanEventRow row) {
        return new BanEvent(BanEvent.Type.valueOf(row.type()), JailName.of(row.jail()), IpNetwork.parse(row.ip()),
                Instant.ofEpochMilli(row.occurredAt()));
    }
}

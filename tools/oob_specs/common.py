"""Shared helper for the OOB specs: add n numbered units of one kind."""

ORD = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", 6: "6th"}


def adder(units, nation_default, source_default):
    def add(group, n, id_, name, type_, formation, where, nation=None, **kw):
        source = kw.pop("source", source_default)
        for i in range(1, n + 1):
            u = {"group": group, "id": f"{id_}-{i}" if n > 1 else id_, "name": name.format(i=i, ord=ORD.get(i, f"{i}th")),
                 "nation": nation or nation_default, "type": type_, "formation": formation, "source": source}
            if isinstance(where, tuple):
                u["arrive"] = where
            else:
                u["near"] = where
            u.update(kw)
            units.append(u)
    return add

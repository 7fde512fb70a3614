#pragma once
// Records: the five repositories of one handset, and one dispatch from a record namespace
// (1 contacts .. 5 photos, equal to the wire's RecordType) to its repository, shared by the
// sync session and the delete guard.
#include <cstdint>
#include <type_traits>

#include "os/pim/namespaces.h"
#include "os/pim/repository.h"

namespace swivel::os::sync {

struct Records {
  pim::ContactRepository& contacts;
  pim::EventRepository& events;
  pim::TaskRepository& tasks;
  pim::NoteRepository& notes;
  pim::PhotoRepository& photos;
};

// The record type M of a repository type (RecordOf<decltype(repo)>::type in generic code).
template <typename R> struct RecordOf;
template <typename M> struct RecordOf<pim::Repository<M>> { using type = M; };
template <typename R> using RecordOfT = typename RecordOf<std::decay_t<R>>::type;

// fn(the repository of namespace ns); kOk for a type this handset does not know (left alone).
template <typename Fn>
pim::Status WithRepository(Records& records, uint8_t ns, Fn&& fn) {
  switch (ns) {
    case pim::kContactsNamespace: return fn(records.contacts);
    case pim::kEventsNamespace: return fn(records.events);
    case pim::kTasksNamespace: return fn(records.tasks);
    case pim::kNotesNamespace: return fn(records.notes);
    case pim::kPhotosNamespace: return fn(records.photos);
    default: return pim::Status::kOk;
  }
}

// fn(repository, its namespace) for each record type in namespace order; stops at the
// first status that is not kOk.
template <typename Fn>
pim::Status ForEachType(Records& records, Fn&& fn) {
  for (uint8_t ns = pim::kContactsNamespace; ns <= pim::kPhotosNamespace; ++ns)
    if (const auto s = WithRepository(records, ns, [&](auto& repo) { return fn(repo, ns); });
        s != pim::Status::kOk)
      return s;
  return pim::Status::kOk;
}

}  // namespace swivel::os::sync

#include "protocol/wiping_resource.h"

#include <new>

#include <sodium.h>

#include <boost/json/memory_resource.hpp>

namespace draftguard::protocol {
namespace {

// Blocks this large hold draft text (a request's "text" string); they are
// also locked in RAM so the draft is never swapped out. Best effort: mlock
// may be refused (RLIMIT_MEMLOCK), and locking is per page, so unlocking
// one block may unlock a page it shares with a neighbour.
constexpr std::size_t kLockBytes = 4096;

class WipingResource final : public boost::json::memory_resource {
 private:
  void* do_allocate(std::size_t bytes, std::size_t align) override {
    // Over-aligned operator new only when needed: new and delete must agree.
    void* p = align <= __STDCPP_DEFAULT_NEW_ALIGNMENT__ ? ::operator new(bytes)
                                                          : ::operator new(bytes, std::align_val_t(align));
    if (bytes >= kLockBytes) sodium_mlock(p, bytes);
    return p;
  }
  void do_deallocate(void* p, std::size_t bytes, std::size_t align) override {
    // sodium_munlock zeroes before it unlocks.
    if (bytes >= kLockBytes) {
      sodium_munlock(p, bytes);
    } else {
      sodium_memzero(p, bytes);
    }
    if (align <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
      ::operator delete(p);
    } else {
      ::operator delete(p, std::align_val_t(align));
    }
  }
  bool do_is_equal(const boost::json::memory_resource& other) const noexcept override {
    return this == &other;
  }
};

}  // namespace

boost::json::storage_ptr WipingStorage() {
  static WipingResource* resource = new WipingResource();  // never destroyed: values may outlive statics
  return boost::json::storage_ptr(resource);
}

}  // namespace draftguard::protocol

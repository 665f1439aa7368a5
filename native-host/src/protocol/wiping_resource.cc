#include "protocol/wiping_resource.h"

#include <new>

#include <sodium.h>

#include <boost/json/memory_resource.hpp>

namespace draftguard::protocol {
namespace {

class WipingResource final : public boost::json::memory_resource {
 private:
  void* do_allocate(std::size_t bytes, std::size_t align) override {
    // Over-aligned operator new only when needed: new and delete must agree.
    if (align <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) return ::operator new(bytes);
    return ::operator new(bytes, std::align_val_t(align));
  }
  void do_deallocate(void* p, std::size_t bytes, std::size_t align) override {
    sodium_memzero(p, bytes);
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

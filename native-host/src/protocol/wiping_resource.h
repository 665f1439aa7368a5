// A Boost.JSON memory resource that overwrites every block with zeros when
// it is freed: requests carry drafts, and freed heap memory is not cleared
// by the allocator.
#ifndef DRAFTGUARD_PROTOCOL_WIPING_RESOURCE_H_
#define DRAFTGUARD_PROTOCOL_WIPING_RESOURCE_H_

#include <boost/json/storage_ptr.hpp>

namespace draftguard::protocol {

// A storage_ptr to the process-wide wiping resource (it is never freed).
boost::json::storage_ptr WipingStorage();

}  // namespace draftguard::protocol

#endif  // DRAFTGUARD_PROTOCOL_WIPING_RESOURCE_H_

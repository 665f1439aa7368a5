# Debian package: `cpack -G DEB` (or `cmake --build BUILD --target package`)
# in a build folder writes draftguard_<version>_amd64.deb holding
#
#   /usr/bin/draftguard
#   system-wide native-messaging host manifests, so browsers start the host
#   without `draftguard install`:
#     /etc/chromium/native-messaging-hosts/com.draftguard.host.json   Chromium
#     /etc/opt/chrome/native-messaging-hosts/com.draftguard.host.json Chrome (and Brave, which reads Chrome's)
#     /etc/opt/edge/native-messaging-hosts/com.draftguard.host.json   Edge
#     /usr/lib/mozilla/native-messaging-hosts/com.draftguard.host.json Firefox
#   /etc/draftguard/packs/            signed organisation packs (empty)
#   /usr/share/doc/draftguard/policy/ managed-policy schema and examples
#
# The manifests are the templates of manifests/ with @DRAFTGUARD_PATH@ set
# to /usr/bin/draftguard. They are not conffiles, so `apt-get remove`
# removes them with the binary; /etc/draftguard/packs stays only if an
# administrator put packs in it. Dependencies are computed by
# dpkg-shlibdeps from the binary.
#
# Only the "host" component is packaged: other install() rules in the tree
# (tests, tools) do not end up in the .deb.

# `cpack` must not build the whole tree first (its "preinstall" step builds
# `all` by default): build the draftguard target, then package it.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

set(DG_DEB_BINARY /usr/bin/draftguard)
set(DRAFTGUARD_PATH ${DG_DEB_BINARY})
set(DG_PACKAGING_DIR ${CMAKE_BINARY_DIR}/packaging)
configure_file(${PROJECT_SOURCE_DIR}/manifests/chromium/com.draftguard.host.json.in
               ${DG_PACKAGING_DIR}/chromium/com.draftguard.host.json @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/manifests/firefox/com.draftguard.host.json.in
               ${DG_PACKAGING_DIR}/firefox/com.draftguard.host.json @ONLY)
file(MAKE_DIRECTORY ${DG_PACKAGING_DIR}/empty)

install(TARGETS draftguard RUNTIME DESTINATION bin COMPONENT host)
foreach(dir /etc/chromium/native-messaging-hosts /etc/opt/chrome/native-messaging-hosts
            /etc/opt/edge/native-messaging-hosts)
  install(FILES ${DG_PACKAGING_DIR}/chromium/com.draftguard.host.json DESTINATION ${dir} COMPONENT host)
endforeach()
install(FILES ${DG_PACKAGING_DIR}/firefox/com.draftguard.host.json
        DESTINATION /usr/lib/mozilla/native-messaging-hosts COMPONENT host)
install(DIRECTORY ${DG_PACKAGING_DIR}/empty/ DESTINATION /etc/draftguard/packs COMPONENT host)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/manifests/policy/ DESTINATION share/doc/draftguard/policy COMPONENT host)

set(CPACK_PACKAGE_NAME draftguard)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "DraftGuard")
set(CPACK_PACKAGE_CONTACT "DraftGuard maintainers <maintainers@draftguard.app>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "warns before a post gives away confidential business information")
set(CPACK_PACKAGE_DESCRIPTION
    "DraftGuard's native host and CLI: the browser extension sends drafts to it\n"
    "and it reports what a post would leak (figures, plans, codenames, personal\n"
    "data). Organisation packs signed with Ed25519 go in /etc/draftguard/packs.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL host)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_PACKAGE_NAME draftguard)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://draftguard.app")
include(CPack)

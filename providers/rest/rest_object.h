// providers/rest/rest_object.h: the `rest_object` resource: one object in a collection of a JSON
// REST API. Attributes:
//   path           required, replaces: the collection's path below base_url, e.g. "/posts".
//   data           required map: the object's fields, sent as JSON.
//   id_attribute   where the server's answer holds the id, as keys separated by '/' ("data/id");
//                  default "id". The object's fields are read beside it ("data/id": in "data").
//   create_method  POST (default), PUT or PATCH, sent to `path`.
//   update_method  PUT (default), PATCH or POST.
//   read_path, update_path, destroy_path
//                  templates below base_url with {id}; default "<path>/{id}".
//   id             computed: the object's id as text.
//   api_response   computed: the server's last answer about the object, parsed.
// Refresh reads the object back: fields of `data` the stack sets take the server's values (a
// field the server no longer has drops out), other fields are ignored; 404 means it is gone.
// Import id: "<path>/<id>", e.g. "/posts/5", read with GET; `data` becomes the object less its id.
#pragma once

#include <memory>

#include "providers/resource_type.h"
#include "providers/rest/rest_api.h"

namespace plinth::providers::rest {

std::unique_ptr<ResourceType> make_rest_object(std::shared_ptr<const RestApi> api);

// The fields of `server` that `managed` names, recursively through maps: drift on the fields a
// stack manages, nothing about the others.
Value managed_fields(const Value& managed, const Value& server);

}  // namespace plinth::providers::rest

/// The API document served at `/openapi.json` (OpenAPI 3.1): every operation, schema, error and
/// header of the API. It is the contract: `OpenAPITests` proves that the router and this document
/// list the same operations and that every error code appears in it. `__VERSION__` becomes the
/// product version.
enum OpenAPIDocument {
    /// The document for product `version`.
    static func json(version: String) -> String {
        text.replacing("__VERSION__", with: version)
    }

    private static let text = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "etl-builder API",
  "version": "__VERSION__",
  "description": "REST API of the etl-builder daemon. Errors always have the body {detail, error_code, timestamp}. Authenticate with a JWT access token from POST /api/v1/auth/login (Authorization: Bearer) or an API key (Authorization: Bearer or X-API-Key). Requests are rate limited per user (per client IP when anonymous): X-RateLimit-* headers on every response, 429 with Retry-After beyond the limit."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "tags": [
  {
   "name": "auth"
  },
  {
   "name": "users"
  },
  {
   "name": "pipelines"
  },
  {
   "name": "executions"
  },
  {
   "name": "connections"
  },
  {
   "name": "modules"
  },
  {
   "name": "scheduler"
  },
  {
   "name": "websocket"
  },
  {
   "name": "health"
  },
  {
   "name": "docs"
  }
 ],
 "paths": {
  "/health": {
   "get": {
    "operationId": "health",
    "summary": "Liveness and version",
    "tags": [
     "health"
    ],
    "security": [],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/health/live": {
   "get": {
    "operationId": "healthLive",
    "summary": "Liveness probe",
    "tags": [
     "health"
    ],
    "security": [],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Probe"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/health/ready": {
   "get": {
    "operationId": "healthReady",
    "summary": "Readiness probe (503 until the store is open)",
    "tags": [
     "health"
    ],
    "security": [],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Probe"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     },
     "503": {
      "$ref": "#/components/responses/E503"
     }
    }
   }
  },
  "/openapi.json": {
   "get": {
    "operationId": "openapi",
    "summary": "This document (OpenAPI 3.1)",
    "tags": [
     "docs"
    ],
    "security": [],
    "responses": {
     "200": {
      "description": "The document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/docs": {
   "get": {
    "operationId": "swaggerUI",
    "summary": "Swagger UI",
    "tags": [
     "docs"
    ],
    "security": [],
    "responses": {
     "200": {
      "description": "HTML page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/redoc": {
   "get": {
    "operationId": "redoc",
    "summary": "ReDoc",
    "tags": [
     "docs"
    ],
    "security": [],
    "responses": {
     "200": {
      "description": "HTML page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/ws/pipeline/{pipeline_id}": {
   "get": {
    "operationId": "pipelineWebSocket",
    "summary": "Live updates of a pipeline's executions (WebSocket)",
    "tags": [
     "websocket"
    ],
    "security": [],
    "description": "Upgrade with an access token or API key as ?token= or as a Sec-WebSocket-Protocol entry after 'bearer' (the server selects 'bearer'). Without valid credentials the socket is closed with 1008 (policy violation); for an unknown pipeline with 4404. A plain GET without Upgrade answers 400.",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      },
      "description": "Pipeline id."
     },
     {
      "name": "token",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "Access token or API key (alternatively a Sec-WebSocket-Protocol entry next to 'bearer')."
     }
    ],
    "responses": {
     "101": {
      "description": "Switching to WebSocket. Server messages: ExecutionUpdateMessage and LogMessage (JSON text frames)."
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/register": {
   "post": {
    "operationId": "register",
    "summary": "Create an account (always role viewer)",
    "tags": [
     "auth"
    ],
    "security": [],
    "description": "The role is never taken from the request. Disabled when auth.registration_enabled is false (403 REGISTRATION_DISABLED).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RegisterRequest"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/login": {
   "post": {
    "operationId": "login",
    "summary": "Log in: access and refresh tokens",
    "tags": [
     "auth"
    ],
    "security": [],
    "description": "application/x-www-form-urlencoded username/password (JSON also accepted). After auth.lockout_threshold failures in a row the account is locked for auth.lockout_minutes (429 ACCOUNT_LOCKED with Retry-After).",
    "requestBody": {
     "required": true,
     "content": {
      "application/x-www-form-urlencoded": {
       "schema": {
        "$ref": "#/components/schemas/LoginRequest"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/LoginRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TokenPair"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/refresh": {
   "post": {
    "operationId": "refresh",
    "summary": "Exchange a refresh token for a new pair (rotation)",
    "tags": [
     "auth"
    ],
    "security": [],
    "description": "Each refresh token works once. Presenting a used one revokes every token of its login (401 REFRESH_TOKEN_REUSED).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RefreshRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TokenPair"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/logout": {
   "post": {
    "operationId": "logout",
    "summary": "Revoke a refresh token's login, or all of the user's",
    "tags": [
     "auth"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/LogoutRequest"
       }
      }
     }
    },
    "responses": {
     "204": {
      "description": "Logged out",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/me": {
   "get": {
    "operationId": "me",
    "summary": "The authenticated user",
    "tags": [
     "auth"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/api-keys": {
   "post": {
    "operationId": "createAPIKey",
    "summary": "Create an API key (shown once)",
    "tags": [
     "auth"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/APIKeyCreateRequest"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created; the only answer that contains the key",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/APIKey"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "get": {
    "operationId": "listAPIKeys",
    "summary": "The caller's API keys (without the keys)",
    "tags": [
     "auth"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/APIKeyList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/auth/api-keys/{key_id}": {
   "delete": {
    "operationId": "deleteAPIKey",
    "summary": "Revoke one of the caller's API keys",
    "tags": [
     "auth"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "key_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "API key id."
     }
    ],
    "responses": {
     "204": {
      "description": "Revoked",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/users": {
   "get": {
    "operationId": "listUsers",
    "summary": "List users",
    "tags": [
     "users"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role admin.",
    "parameters": [
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 1
      },
      "description": "1-based page number."
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 20
      },
      "description": "Items per page."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       },
       "X-Total-Count": {
        "$ref": "#/components/headers/X-Total-Count"
       },
       "X-Page": {
        "$ref": "#/components/headers/X-Page"
       },
       "X-Page-Size": {
        "$ref": "#/components/headers/X-Page-Size"
       },
       "X-Total-Pages": {
        "$ref": "#/components/headers/X-Total-Pages"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/UserList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/users/{user_id}": {
   "patch": {
    "operationId": "updateUser",
    "summary": "Change a user's role, activation or profile",
    "tags": [
     "users"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role admin.",
    "parameters": [
     {
      "name": "user_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "User id."
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/UserUpdateRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/pipelines": {
   "get": {
    "operationId": "listPipelines",
    "summary": "List pipelines",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Pages are kept in memory for api.list_cache_ms (default 1 s): changes made through the API show at once, an execution finishing shows within that time.\n\nAccess: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 1
      },
      "description": "1-based page number."
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 20
      },
      "description": "Items per page."
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "draft",
        "active",
        "paused",
        "archived"
       ]
      },
      "description": "Filter by status."
     },
     {
      "name": "search",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "Case-insensitive substring of the name."
     },
     {
      "name": "tags",
      "in": "query",
      "required": false,
      "schema": {
       "type": "array",
       "items": {
        "type": "string"
       }
      },
      "description": "Pipelines with at least one of these tags (repeat the parameter or separate with commas).",
      "style": "form",
      "explode": true
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       },
       "X-Total-Count": {
        "$ref": "#/components/headers/X-Total-Count"
       },
       "X-Page": {
        "$ref": "#/components/headers/X-Page"
       },
       "X-Page-Size": {
        "$ref": "#/components/headers/X-Page-Size"
       },
       "X-Total-Pages": {
        "$ref": "#/components/headers/X-Total-Pages"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PipelineList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "post": {
    "operationId": "createPipeline",
    "summary": "Create a pipeline (status draft)",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PipelineCreateRequest"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PipelineCreated"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/pipelines/{pipeline_id}": {
   "get": {
    "operationId": "getPipeline",
    "summary": "A pipeline with its document",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Pipeline"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "put": {
    "operationId": "updatePipeline",
    "summary": "Update a pipeline (absent fields are kept; a new config makes a new version)",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PipelineUpdateRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Pipeline"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "delete": {
    "operationId": "deletePipeline",
    "summary": "Delete a pipeline and its executions",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     }
    ],
    "responses": {
     "204": {
      "description": "Deleted",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/pipelines/{pipeline_id}/execute": {
   "post": {
    "operationId": "executePipeline",
    "summary": "Queue a manual execution",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ExecuteRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ExecutionStarted"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/pipelines/{pipeline_id}/validate": {
   "post": {
    "operationId": "validatePipeline",
    "summary": "Validate the pipeline's configuration",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ValidationReport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/pipelines/{pipeline_id}/versions": {
   "get": {
    "operationId": "pipelineVersions",
    "summary": "Configuration history, newest first",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PipelineVersionList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/pipelines/{pipeline_id}/schedule": {
   "get": {
    "operationId": "pipelineSchedule",
    "summary": "Next fire times of the schedule",
    "tags": [
     "pipelines"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Pipeline id."
     },
     {
      "name": "count",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 5
      },
      "description": "How many fire times."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PipelineSchedule"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/executions": {
   "get": {
    "operationId": "listExecutions",
    "summary": "List executions",
    "tags": [
     "executions"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "pipeline_id",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Filter by pipeline."
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "pending",
        "running",
        "success",
        "failed",
        "cancelled"
       ]
      },
      "description": "Filter by status."
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 1
      },
      "description": "1-based page number."
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 20
      },
      "description": "Items per page."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       },
       "X-Total-Count": {
        "$ref": "#/components/headers/X-Total-Count"
       },
       "X-Page": {
        "$ref": "#/components/headers/X-Page"
       },
       "X-Page-Size": {
        "$ref": "#/components/headers/X-Page-Size"
       },
       "X-Total-Pages": {
        "$ref": "#/components/headers/X-Total-Pages"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ExecutionList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/executions/{execution_id}": {
   "get": {
    "operationId": "getExecution",
    "summary": "An execution",
    "tags": [
     "executions"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "execution_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Execution id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Execution"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/executions/{execution_id}/logs": {
   "get": {
    "operationId": "executionLogs",
    "summary": "Log lines of an execution",
    "tags": [
     "executions"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "execution_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Execution id."
     },
     {
      "name": "level",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "DEBUG",
        "INFO",
        "WARNING",
        "ERROR"
       ]
      },
      "description": "Filter by level."
     },
     {
      "name": "node_id",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "Filter by node."
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 1
      },
      "description": "1-based page number."
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000,
       "default": 100
      },
      "description": "Lines per page."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       },
       "X-Total-Count": {
        "$ref": "#/components/headers/X-Total-Count"
       },
       "X-Page": {
        "$ref": "#/components/headers/X-Page"
       },
       "X-Page-Size": {
        "$ref": "#/components/headers/X-Page-Size"
       },
       "X-Total-Pages": {
        "$ref": "#/components/headers/X-Total-Pages"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ExecutionLogList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/executions/{execution_id}/metrics": {
   "get": {
    "operationId": "executionMetrics",
    "summary": "Per-node metrics of an execution",
    "tags": [
     "executions"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "execution_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Execution id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ExecutionMetrics"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/executions/{execution_id}/cancel": {
   "post": {
    "operationId": "cancelExecution",
    "summary": "Cancel a pending or running execution",
    "tags": [
     "executions"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "execution_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Execution id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CancelResult"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/connections": {
   "get": {
    "operationId": "listConnections",
    "summary": "List connections (secrets masked)",
    "tags": [
     "connections"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 1
      },
      "description": "1-based page number."
     },
     {
      "name": "page_size",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 20
      },
      "description": "Items per page."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       },
       "X-Total-Count": {
        "$ref": "#/components/headers/X-Total-Count"
       },
       "X-Page": {
        "$ref": "#/components/headers/X-Page"
       },
       "X-Page-Size": {
        "$ref": "#/components/headers/X-Page-Size"
       },
       "X-Total-Pages": {
        "$ref": "#/components/headers/X-Total-Pages"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConnectionList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "post": {
    "operationId": "createConnection",
    "summary": "Create a connection",
    "tags": [
     "connections"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConnectionCreateRequest"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Connection"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/connections/{connection_id}": {
   "get": {
    "operationId": "getConnection",
    "summary": "A connection (secrets masked)",
    "tags": [
     "connections"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "connection_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Connection id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Connection"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "put": {
    "operationId": "updateConnection",
    "summary": "Update a connection (secrets absent or masked are kept, null removes one)",
    "tags": [
     "connections"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "connection_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Connection id."
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConnectionUpdateRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Connection"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "413": {
      "$ref": "#/components/responses/E413"
     },
     "415": {
      "$ref": "#/components/responses/E415"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   },
   "delete": {
    "operationId": "deleteConnection",
    "summary": "Delete a connection",
    "tags": [
     "connections"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "connection_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Connection id."
     }
    ],
    "responses": {
     "204": {
      "description": "Deleted",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "409": {
      "$ref": "#/components/responses/E409"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/connections/{connection_id}/test": {
   "post": {
    "operationId": "testConnection",
    "summary": "Test a connection",
    "tags": [
     "connections"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Role developer or admin.",
    "parameters": [
     {
      "name": "connection_id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "format": "uuid"
      },
      "description": "Connection id."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConnectionTestResult"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/modules": {
   "get": {
    "operationId": "listModules",
    "summary": "Available modules by node type",
    "tags": [
     "modules"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ModuleList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/modules/{module_type}/{module_name}/schema": {
   "get": {
    "operationId": "moduleSchema",
    "summary": "Configuration schema and defaults of a module",
    "tags": [
     "modules"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: Any authenticated user (viewer, developer, admin).",
    "parameters": [
     {
      "name": "module_type",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "enum": [
        "extractor",
        "transformer",
        "loader"
       ]
      },
      "description": "Node type."
     },
     {
      "name": "module_name",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      },
      "description": "Module name."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ModuleSchema"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "404": {
      "$ref": "#/components/responses/E404"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/metrics": {
   "get": {
    "operationId": "metrics",
    "summary": "Prometheus metrics",
    "tags": [
     "scheduler"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: admin (scrape with an admin API key as the bearer credential). The Prometheus text format 0.0.4: etl_builder_scheduler_armed_schedules, etl_builder_executions_running, etl_builder_executions_pending and etl_builder_executor_workers (gauges), etl_builder_scheduler_slots_total{result} and etl_builder_executions_finished_total{status} (counters), etl_builder_scheduler_fire_lag_seconds and etl_builder_execution_duration_seconds (histograms).",
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  },
  "/api/v1/scheduler": {
   "get": {
    "operationId": "scheduler",
    "summary": "Scheduler state and next slots",
    "tags": [
     "scheduler"
    ],
    "security": [
     {
      "bearerAuth": []
     },
     {
      "apiKeyAuth": []
     }
    ],
    "description": "Access: admin. The live scheduler's armed pipelines, next slots, queue counts and fire-lag percentiles (state unavailable, from the store, when no scheduler runs).",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 20
      },
      "description": "Upcoming runs to list."
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "headers": {
       "X-Request-ID": {
        "$ref": "#/components/headers/X-Request-ID"
       },
       "X-RateLimit-Limit": {
        "$ref": "#/components/headers/X-RateLimit-Limit"
       },
       "X-RateLimit-Remaining": {
        "$ref": "#/components/headers/X-RateLimit-Remaining"
       },
       "X-RateLimit-Reset": {
        "$ref": "#/components/headers/X-RateLimit-Reset"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SchedulerSnapshot"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/E400"
     },
     "401": {
      "$ref": "#/components/responses/E401"
     },
     "403": {
      "$ref": "#/components/responses/E403"
     },
     "405": {
      "$ref": "#/components/responses/E405"
     },
     "422": {
      "$ref": "#/components/responses/E422"
     },
     "429": {
      "$ref": "#/components/responses/E429"
     },
     "500": {
      "$ref": "#/components/responses/E500"
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "Error": {
    "type": "object",
    "properties": {
     "detail": {
      "type": "string"
     },
     "error_code": {
      "type": "string",
      "enum": [
       "BAD_REQUEST",
       "MALFORMED_JSON",
       "NOT_AUTHENTICATED",
       "INVALID_TOKEN",
       "TOKEN_EXPIRED",
       "REFRESH_TOKEN_REUSED",
       "INVALID_CREDENTIALS",
       "ACCOUNT_LOCKED",
       "ACCOUNT_DISABLED",
       "FORBIDDEN",
       "REGISTRATION_DISABLED",
       "NOT_FOUND",
       "PIPELINE_NOT_FOUND",
       "EXECUTION_NOT_FOUND",
       "CONNECTION_NOT_FOUND",
       "USER_NOT_FOUND",
       "API_KEY_NOT_FOUND",
       "MODULE_NOT_FOUND",
       "METHOD_NOT_ALLOWED",
       "CONFLICT",
       "PIPELINE_BUSY",
       "PIPELINE_ARCHIVED",
       "EXECUTION_FINISHED",
       "PAYLOAD_TOO_LARGE",
       "UNSUPPORTED_MEDIA_TYPE",
       "VALIDATION_ERROR",
       "INVALID_PIPELINE_CONFIG",
       "INVALID_SCHEDULE",
       "WEAK_PASSWORD",
       "RATE_LIMITED",
       "INTERNAL_ERROR",
       "NOT_READY"
      ]
     },
     "timestamp": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "detail",
     "error_code",
     "timestamp"
    ],
    "description": "The body of every error response."
   },
   "User": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "username": {
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "full_name": {
      "type": [
       "string",
       "null"
      ]
     },
     "role": {
      "type": "string",
      "enum": [
       "admin",
       "developer",
       "viewer"
      ]
     },
     "is_active": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "last_login_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     }
    },
    "required": [
     "id",
     "username",
     "email",
     "full_name",
     "role",
     "is_active",
     "created_at",
     "last_login_at"
    ]
   },
   "RegisterRequest": {
    "type": "object",
    "properties": {
     "username": {
      "type": "string",
      "pattern": "^[A-Za-z0-9._-]{3,64}$"
     },
     "email": {
      "type": "string",
      "maxLength": 254,
      "pattern": "^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]$"
     },
     "password": {
      "type": "string",
      "minLength": 8,
      "maxLength": 72,
      "description": "At least auth.password_min_length characters (default 8), at most 72 bytes."
     },
     "full_name": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "username",
     "email",
     "password"
    ]
   },
   "LoginRequest": {
    "type": "object",
    "properties": {
     "username": {
      "type": "string"
     },
     "password": {
      "type": "string"
     }
    },
    "required": [
     "username",
     "password"
    ]
   },
   "RefreshRequest": {
    "type": "object",
    "properties": {
     "refresh_token": {
      "type": "string",
      "minLength": 1
     }
    },
    "required": [
     "refresh_token"
    ]
   },
   "LogoutRequest": {
    "type": "object",
    "properties": {
     "refresh_token": {
      "type": [
       "string",
       "null"
      ],
      "description": "The login to end; absent or null ends every login of the user."
     }
    },
    "required": []
   },
   "TokenPair": {
    "type": "object",
    "properties": {
     "access_token": {
      "type": "string"
     },
     "refresh_token": {
      "type": "string"
     },
     "token_type": {
      "type": "string",
      "const": "bearer"
     },
     "expires_in": {
      "type": "integer"
     }
    },
    "required": [
     "access_token",
     "refresh_token",
     "token_type",
     "expires_in"
    ]
   },
   "APIKeyCreateRequest": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "pattern": "\\S"
     },
     "expires_in_days": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 1,
      "maximum": 3650
     }
    },
    "required": [
     "name"
    ]
   },
   "APIKey": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "name": {
      "type": "string"
     },
     "prefix": {
      "type": "string"
     },
     "key": {
      "type": "string",
      "description": "The key itself: present only in the answer that creates it."
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "last_used_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "expires_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "revoked_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     }
    },
    "required": [
     "id",
     "name",
     "prefix",
     "created_at",
     "last_used_at",
     "expires_at",
     "revoked_at"
    ]
   },
   "APIKeyList": {
    "type": "object",
    "properties": {
     "api_keys": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/APIKey"
      }
     }
    },
    "required": [
     "api_keys"
    ]
   },
   "UserUpdateRequest": {
    "type": "object",
    "properties": {
     "role": {
      "type": "string",
      "enum": [
       "admin",
       "developer",
       "viewer"
      ]
     },
     "is_active": {
      "type": "boolean"
     },
     "email": {
      "type": "string",
      "maxLength": 254,
      "pattern": "^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]$"
     },
     "full_name": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": []
   },
   "UserList": {
    "type": "object",
    "properties": {
     "users": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/User"
      }
     },
     "total": {
      "type": "integer",
      "minimum": 0
     },
     "page": {
      "type": "integer",
      "minimum": 1
     },
     "page_size": {
      "type": "integer",
      "minimum": 1
     },
     "total_pages": {
      "type": "integer",
      "minimum": 0
     }
    },
    "required": [
     "users",
     "total",
     "page",
     "page_size",
     "total_pages"
    ]
   },
   "PipelineNode": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "minLength": 1
     },
     "type": {
      "type": "string",
      "enum": [
       "extractor",
       "transformer",
       "loader"
      ]
     },
     "module": {
      "type": "string",
      "minLength": 1
     },
     "description": {
      "type": "string"
     },
     "position": {
      "type": "object",
      "properties": {
       "x": {
        "type": "number"
       },
       "y": {
        "type": "number"
       }
      }
     },
     "config": {
      "type": "object",
      "additionalProperties": true
     }
    },
    "required": [
     "id",
     "type",
     "module"
    ]
   },
   "PipelineConfig": {
    "type": "object",
    "properties": {
     "nodes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PipelineNode"
      }
     },
     "edges": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "source": {
         "type": "string"
        },
        "target": {
         "type": "string"
        }
       },
       "required": [
        "source",
        "target"
       ]
      }
     }
    },
    "required": [
     "nodes"
    ],
    "description": "The pipeline document: a DAG of nodes joined by edges."
   },
   "PipelinePolicy": {
    "type": "object",
    "properties": {
     "misfire_policy": {
      "type": [
       "string",
       "null"
      ],
      "enum": [
       "skip",
       "run_once",
       "catch_up",
       null
      ]
     },
     "max_catch_up": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 1
     },
     "overlap_policy": {
      "type": [
       "string",
       "null"
      ],
      "enum": [
       "allow",
       "forbid",
       "replace",
       "queue",
       null
      ]
     },
     "max_active_runs": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 1
     },
     "jitter_seconds": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 0
     },
     "max_retries": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 0
     },
     "retry_backoff_seconds": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 0
     },
     "timeout_seconds": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 1
     }
    },
    "required": [],
    "description": "Scheduling and retry policy; null means the configured default."
   },
   "PipelineCreateRequest": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "pattern": "\\S"
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "config": {
      "$ref": "#/components/schemas/PipelineConfig"
     },
     "schedule": {
      "type": [
       "string",
       "null"
      ],
      "description": "Cron expression (5 or 6 fields, macros, L/W/#)."
     },
     "schedule_timezone": {
      "type": [
       "string",
       "null"
      ],
      "description": "IANA time zone; default scheduler.default_timezone."
     },
     "is_scheduled": {
      "type": [
       "boolean",
       "null"
      ]
     },
     "tags": {
      "type": [
       "array",
       "null"
      ],
      "items": {
       "type": "string",
       "minLength": 1,
       "maxLength": 64,
       "pattern": "^[^,]+$"
      }
     },
     "default_params": {
      "type": [
       "object",
       "null"
      ],
      "additionalProperties": true
     },
     "policy": {
      "anyOf": [
       {
        "$ref": "#/components/schemas/PipelinePolicy"
       },
       {
        "type": "null"
       }
      ]
     }
    },
    "required": [
     "name",
     "config"
    ],
    "description": "Optional fields may be null, which means the default."
   },
   "PipelineUpdateRequest": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "pattern": "\\S"
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "active",
       "paused",
       "archived"
      ]
     },
     "config": {
      "$ref": "#/components/schemas/PipelineConfig"
     },
     "schedule": {
      "type": [
       "string",
       "null"
      ]
     },
     "schedule_timezone": {
      "type": [
       "string",
       "null"
      ]
     },
     "is_scheduled": {
      "type": "boolean"
     },
     "tags": {
      "type": "array",
      "items": {
       "type": "string",
       "minLength": 1,
       "maxLength": 64,
       "pattern": "^[^,]+$"
      }
     },
     "default_params": {
      "type": "object",
      "additionalProperties": true
     },
     "policy": {
      "$ref": "#/components/schemas/PipelinePolicy"
     },
     "change_note": {
      "type": "string"
     }
    },
    "required": []
   },
   "PipelineCreated": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "name": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "active",
       "paused",
       "archived"
      ]
     },
     "message": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "name",
     "status",
     "message"
    ]
   },
   "LastExecution": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "running",
       "success",
       "failed",
       "cancelled"
      ]
     },
     "started_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "completed_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "rows_processed": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "status",
     "started_at",
     "completed_at",
     "rows_processed"
    ]
   },
   "PipelineSummary": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "name": {
      "type": "string"
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "active",
       "paused",
       "archived"
      ]
     },
     "version": {
      "type": "string",
      "examples": [
       "1.0.0"
      ]
     },
     "schedule": {
      "type": [
       "string",
       "null"
      ]
     },
     "is_scheduled": {
      "type": "boolean"
     },
     "tags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "last_execution": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/LastExecution"
       },
       {
        "type": "null"
       }
      ]
     }
    },
    "required": [
     "id",
     "name",
     "description",
     "status",
     "version",
     "schedule",
     "is_scheduled",
     "tags",
     "created_at",
     "updated_at",
     "last_execution"
    ]
   },
   "Pipeline": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "name": {
      "type": "string"
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "active",
       "paused",
       "archived"
      ]
     },
     "version": {
      "type": "string",
      "examples": [
       "1.0.0"
      ]
     },
     "schedule": {
      "type": [
       "string",
       "null"
      ]
     },
     "is_scheduled": {
      "type": "boolean"
     },
     "tags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "last_execution": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/LastExecution"
       },
       {
        "type": "null"
       }
      ]
     },
     "config": {
      "$ref": "#/components/schemas/PipelineConfig"
     },
     "default_params": {
      "type": "object",
      "additionalProperties": true
     },
     "schedule_timezone": {
      "type": [
       "string",
       "null"
      ]
     },
     "policy": {
      "$ref": "#/components/schemas/PipelinePolicy"
     },
     "created_by": {
      "type": [
       "string",
       "null"
      ],
      "format": "uuid"
     }
    },
    "required": [
     "id",
     "name",
     "description",
     "status",
     "version",
     "schedule",
     "is_scheduled",
     "tags",
     "created_at",
     "updated_at",
     "last_execution",
     "config",
     "default_params",
     "schedule_timezone",
     "policy",
     "created_by"
    ]
   },
   "PipelineList": {
    "type": "object",
    "properties": {
     "pipelines": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PipelineSummary"
      }
     },
     "total": {
      "type": "integer",
      "minimum": 0
     },
     "page": {
      "type": "integer",
      "minimum": 1
     },
     "page_size": {
      "type": "integer",
      "minimum": 1
     },
     "total_pages": {
      "type": "integer",
      "minimum": 0
     }
    },
    "required": [
     "pipelines",
     "total",
     "page",
     "page_size",
     "total_pages"
    ]
   },
   "ExecuteRequest": {
    "type": "object",
    "properties": {
     "params": {
      "type": [
       "object",
       "null"
      ],
      "additionalProperties": true,
      "description": "Parameters that win over the pipeline's default_params."
     }
    },
    "required": []
   },
   "ExecutionStarted": {
    "type": "object",
    "properties": {
     "execution_id": {
      "type": "string",
      "format": "uuid"
     },
     "pipeline_id": {
      "type": "string",
      "format": "uuid"
     },
     "status": {
      "type": "string",
      "const": "pending"
     },
     "started_at": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "execution_id",
     "pipeline_id",
     "status",
     "started_at"
    ]
   },
   "ValidationReport": {
    "type": "object",
    "properties": {
     "valid": {
      "type": "boolean"
     },
     "errors": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "warnings": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "valid",
     "errors",
     "warnings"
    ]
   },
   "PipelineVersion": {
    "type": "object",
    "properties": {
     "version": {
      "type": "string"
     },
     "seq": {
      "type": "integer"
     },
     "config": {
      "$ref": "#/components/schemas/PipelineConfig"
     },
     "changed_by": {
      "type": [
       "string",
       "null"
      ],
      "format": "uuid"
     },
     "change_note": {
      "type": [
       "string",
       "null"
      ]
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "version",
     "seq",
     "config",
     "changed_by",
     "change_note",
     "created_at"
    ]
   },
   "PipelineVersionList": {
    "type": "object",
    "properties": {
     "versions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PipelineVersion"
      }
     }
    },
    "required": [
     "versions"
    ]
   },
   "PipelineSchedule": {
    "type": "object",
    "properties": {
     "pipeline_id": {
      "type": "string",
      "format": "uuid"
     },
     "schedule": {
      "type": [
       "string",
       "null"
      ]
     },
     "timezone": {
      "type": "string"
     },
     "is_scheduled": {
      "type": "boolean"
     },
     "armed": {
      "type": "boolean"
     },
     "next_runs": {
      "type": "array",
      "items": {
       "type": "string",
       "format": "date-time"
      }
     }
    },
    "required": [
     "pipeline_id",
     "schedule",
     "timezone",
     "is_scheduled",
     "armed",
     "next_runs"
    ]
   },
   "ExecutionSummary": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "pipeline_id": {
      "type": "string",
      "format": "uuid"
     },
     "pipeline_name": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "running",
       "success",
       "failed",
       "cancelled"
      ]
     },
     "trigger_type": {
      "type": "string",
      "enum": [
       "scheduled",
       "manual",
       "retry",
       "api"
      ]
     },
     "started_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "completed_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "duration_seconds": {
      "type": [
       "number",
       "null"
      ]
     },
     "rows_processed": {
      "type": "integer"
     },
     "data_size_bytes": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "pipeline_id",
     "pipeline_name",
     "status",
     "trigger_type",
     "started_at",
     "completed_at",
     "duration_seconds",
     "rows_processed",
     "data_size_bytes"
    ]
   },
   "Execution": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "pipeline_id": {
      "type": "string",
      "format": "uuid"
     },
     "pipeline_name": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "running",
       "success",
       "failed",
       "cancelled"
      ]
     },
     "trigger_type": {
      "type": "string",
      "enum": [
       "scheduled",
       "manual",
       "retry",
       "api"
      ]
     },
     "started_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "completed_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "duration_seconds": {
      "type": [
       "number",
       "null"
      ]
     },
     "rows_processed": {
      "type": "integer"
     },
     "data_size_bytes": {
      "type": "integer"
     },
     "params": {
      "type": "object",
      "additionalProperties": true
     },
     "attempt": {
      "type": "integer"
     },
     "queued_at": {
      "type": "string",
      "format": "date-time"
     },
     "scheduled_for": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "error_message": {
      "type": [
       "string",
       "null"
      ]
     },
     "failed_node_id": {
      "type": [
       "string",
       "null"
      ]
     },
     "triggered_by": {
      "type": [
       "string",
       "null"
      ],
      "format": "uuid"
     }
    },
    "required": [
     "id",
     "pipeline_id",
     "pipeline_name",
     "status",
     "trigger_type",
     "started_at",
     "completed_at",
     "duration_seconds",
     "rows_processed",
     "data_size_bytes",
     "params",
     "attempt",
     "queued_at",
     "scheduled_for",
     "error_message",
     "failed_node_id",
     "triggered_by"
    ]
   },
   "ExecutionList": {
    "type": "object",
    "properties": {
     "executions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ExecutionSummary"
      }
     },
     "total": {
      "type": "integer",
      "minimum": 0
     },
     "page": {
      "type": "integer",
      "minimum": 1
     },
     "page_size": {
      "type": "integer",
      "minimum": 1
     }
    },
    "required": [
     "executions",
     "total",
     "page",
     "page_size"
    ]
   },
   "ExecutionLog": {
    "type": "object",
    "properties": {
     "timestamp": {
      "type": "string",
      "format": "date-time"
     },
     "level": {
      "type": "string",
      "enum": [
       "DEBUG",
       "INFO",
       "WARNING",
       "ERROR"
      ]
     },
     "node_id": {
      "type": [
       "string",
       "null"
      ]
     },
     "message": {
      "type": "string"
     },
     "metadata": {
      "type": "object",
      "additionalProperties": true
     }
    },
    "required": [
     "timestamp",
     "level",
     "node_id",
     "message",
     "metadata"
    ]
   },
   "ExecutionLogList": {
    "type": "object",
    "properties": {
     "logs": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ExecutionLog"
      }
     },
     "total": {
      "type": "integer",
      "minimum": 0
     }
    },
    "required": [
     "logs",
     "total"
    ]
   },
   "NodeMetrics": {
    "type": "object",
    "properties": {
     "node_id": {
      "type": "string"
     },
     "rows_input": {
      "type": "integer"
     },
     "rows_output": {
      "type": "integer"
     },
     "rows_filtered": {
      "type": "integer"
     },
     "duration_seconds": {
      "type": "number"
     },
     "memory_peak_mb": {
      "type": [
       "number",
       "null"
      ]
     },
     "cpu_percent": {
      "type": [
       "number",
       "null"
      ]
     }
    },
    "required": [
     "node_id",
     "rows_input",
     "rows_output",
     "rows_filtered",
     "duration_seconds",
     "memory_peak_mb",
     "cpu_percent"
    ]
   },
   "ExecutionMetrics": {
    "type": "object",
    "properties": {
     "nodes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/NodeMetrics"
      }
     }
    },
    "required": [
     "nodes"
    ]
   },
   "CancelResult": {
    "type": "object",
    "properties": {
     "execution_id": {
      "type": "string",
      "format": "uuid"
     },
     "status": {
      "type": "string",
      "enum": [
       "cancelled",
       "cancelling"
      ]
     },
     "message": {
      "type": "string"
     }
    },
    "required": [
     "execution_id",
     "status",
     "message"
    ]
   },
   "ConnectionCreateRequest": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "pattern": "\\S"
     },
     "type": {
      "type": "string",
      "pattern": "^[a-z0-9_]{1,64}$",
      "examples": [
       "postgres",
       "s3",
       "http",
       "file"
      ]
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "config": {
      "type": [
       "object",
       "null"
      ],
      "additionalProperties": true
     }
    },
    "required": [
     "name",
     "type"
    ]
   },
   "ConnectionUpdateRequest": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "pattern": "\\S"
     },
     "type": {
      "type": "string",
      "pattern": "^[a-z0-9_]{1,64}$",
      "examples": [
       "postgres",
       "s3",
       "http",
       "file"
      ]
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "config": {
      "type": "object",
      "additionalProperties": true
     },
     "status": {
      "type": "string",
      "enum": [
       "active",
       "error",
       "inactive"
      ]
     }
    },
    "required": []
   },
   "Connection": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "name": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "config": {
      "type": "object",
      "additionalProperties": true,
      "description": "Settings; secret fields (password, secret, token, api_key, private_key, credentials, passphrase) show as \"********\"."
     },
     "status": {
      "type": "string",
      "enum": [
       "active",
       "error",
       "inactive"
      ]
     },
     "last_tested_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "last_test_message": {
      "type": [
       "string",
       "null"
      ]
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "id",
     "name",
     "type",
     "description",
     "config",
     "status",
     "last_tested_at",
     "last_test_message",
     "created_at",
     "updated_at"
    ]
   },
   "ConnectionList": {
    "type": "object",
    "properties": {
     "connections": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Connection"
      }
     },
     "total": {
      "type": "integer",
      "minimum": 0
     },
     "page": {
      "type": "integer",
      "minimum": 1
     },
     "page_size": {
      "type": "integer",
      "minimum": 1
     },
     "total_pages": {
      "type": "integer",
      "minimum": 0
     }
    },
    "required": [
     "connections",
     "total",
     "page",
     "page_size",
     "total_pages"
    ]
   },
   "ConnectionTestResult": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "success",
       "failed",
       "unsupported"
      ]
     },
     "message": {
      "type": "string"
     },
     "details": {
      "type": "object",
      "properties": {
       "latency_ms": {
        "type": [
         "integer",
         "null"
        ]
       },
       "version": {
        "type": [
         "string",
         "null"
        ]
       }
      },
      "required": [
       "latency_ms",
       "version"
      ]
     }
    },
    "required": [
     "status",
     "message",
     "details"
    ]
   },
   "Module": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "icon": {
      "type": "string"
     },
     "color": {
      "type": "string"
     }
    },
    "required": [
     "name",
     "display_name",
     "description",
     "icon",
     "color"
    ]
   },
   "ModuleList": {
    "type": "object",
    "properties": {
     "extractors": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Module"
      }
     },
     "transformers": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Module"
      }
     },
     "loaders": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Module"
      }
     }
    },
    "required": [
     "extractors",
     "transformers",
     "loaders"
    ]
   },
   "ModuleSchema": {
    "type": "object",
    "properties": {
     "schema": {
      "type": "object",
      "additionalProperties": true
     },
     "defaults": {}
    },
    "required": [
     "schema",
     "defaults"
    ]
   },
   "SchedulerSnapshot": {
    "type": "object",
    "properties": {
     "state": {
      "type": "string",
      "enum": [
       "running",
       "stopped",
       "unavailable"
      ]
     },
     "armed_pipelines": {
      "type": "integer"
     },
     "upcoming": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "pipeline_id": {
         "type": "string",
         "format": "uuid"
        },
        "pipeline_name": {
         "type": "string"
        },
        "fire_at": {
         "type": "string",
         "format": "date-time"
        }
       },
       "required": [
        "pipeline_id",
        "pipeline_name",
        "fire_at"
       ]
      }
     },
     "pending_executions": {
      "type": "integer"
     },
     "running_executions": {
      "type": "integer"
     },
     "fire_lag": {
      "type": "object",
      "description": "Percentiles of the recent fire lags (fired_at - due) in milliseconds; null before the first fire.",
      "properties": {
       "samples": {
        "type": "integer"
       },
       "total": {
        "type": "integer"
       },
       "p50_ms": {
        "type": [
         "number",
         "null"
        ]
       },
       "p90_ms": {
        "type": [
         "number",
         "null"
        ]
       },
       "p99_ms": {
        "type": [
         "number",
         "null"
        ]
       },
       "max_ms": {
        "type": [
         "number",
         "null"
        ]
       }
      },
      "required": [
       "samples",
       "total",
       "p50_ms",
       "p90_ms",
       "p99_ms",
       "max_ms"
      ]
     }
    },
    "required": [
     "state",
     "armed_pipelines",
     "upcoming",
     "pending_executions",
     "running_executions",
     "fire_lag"
    ]
   },
   "Health": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string"
     },
     "version": {
      "type": "string"
     }
    },
    "required": [
     "status",
     "version"
    ]
   },
   "Probe": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string"
     }
    },
    "required": [
     "status"
    ]
   },
   "ExecutionUpdateMessage": {
    "type": "object",
    "properties": {
     "type": {
      "type": "string",
      "const": "execution_update"
     },
     "execution_id": {
      "type": "string",
      "format": "uuid"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "running",
       "success",
       "failed",
       "cancelled"
      ]
     },
     "progress": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "current_node": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "type",
     "execution_id",
     "status",
     "progress",
     "current_node"
    ],
    "description": "WebSocket message."
   },
   "LogMessage": {
    "type": "object",
    "properties": {
     "type": {
      "type": "string",
      "const": "log"
     },
     "execution_id": {
      "type": "string",
      "format": "uuid"
     },
     "timestamp": {
      "type": "string",
      "format": "date-time"
     },
     "level": {
      "type": "string",
      "enum": [
       "DEBUG",
       "INFO",
       "WARNING",
       "ERROR"
      ]
     },
     "message": {
      "type": "string"
     },
     "node_id": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "type",
     "execution_id",
     "timestamp",
     "level",
     "message",
     "node_id"
    ],
    "description": "WebSocket message."
   }
  },
  "responses": {
   "E400": {
    "description": "Bad request: malformed JSON or form (MALFORMED_JSON, BAD_REQUEST).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E401": {
    "description": "Not authenticated: no, invalid or expired credentials (NOT_AUTHENTICATED, INVALID_TOKEN, TOKEN_EXPIRED, INVALID_CREDENTIALS, REFRESH_TOKEN_REUSED).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     },
     "WWW-Authenticate": {
      "$ref": "#/components/headers/WWW-Authenticate"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E403": {
    "description": "Forbidden: the role does not allow it, the account is disabled or registration is off (FORBIDDEN, ACCOUNT_DISABLED, REGISTRATION_DISABLED).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E404": {
    "description": "Not found (NOT_FOUND, PIPELINE_NOT_FOUND, EXECUTION_NOT_FOUND, CONNECTION_NOT_FOUND, USER_NOT_FOUND, API_KEY_NOT_FOUND, MODULE_NOT_FOUND).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E405": {
    "description": "Method not allowed on this path (METHOD_NOT_ALLOWED); Allow lists the methods.",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     },
     "Allow": {
      "$ref": "#/components/headers/Allow"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E409": {
    "description": "Conflict with the current state (CONFLICT, PIPELINE_BUSY, PIPELINE_ARCHIVED, EXECUTION_FINISHED).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E413": {
    "description": "Request body larger than 1 MiB (PAYLOAD_TOO_LARGE).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E415": {
    "description": "Unsupported Content-Type (UNSUPPORTED_MEDIA_TYPE).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E422": {
    "description": "Validation error; detail names the failing field paths (VALIDATION_ERROR, INVALID_PIPELINE_CONFIG, INVALID_SCHEDULE, WEAK_PASSWORD).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E429": {
    "description": "Rate limit exceeded or account locked after failed logins (RATE_LIMITED, ACCOUNT_LOCKED).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     },
     "Retry-After": {
      "$ref": "#/components/headers/Retry-After"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E500": {
    "description": "Internal error (INTERNAL_ERROR); the log has details under the X-Request-ID.",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "E503": {
    "description": "Not ready (NOT_READY).",
    "headers": {
     "X-Request-ID": {
      "$ref": "#/components/headers/X-Request-ID"
     },
     "X-RateLimit-Limit": {
      "$ref": "#/components/headers/X-RateLimit-Limit"
     },
     "X-RateLimit-Remaining": {
      "$ref": "#/components/headers/X-RateLimit-Remaining"
     },
     "X-RateLimit-Reset": {
      "$ref": "#/components/headers/X-RateLimit-Reset"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "headers": {
   "X-Request-ID": {
    "description": "Id of the request (the client's X-Request-ID when it is a token of at most 128 [A-Za-z0-9._-], else generated).",
    "schema": {
     "type": "string"
    }
   },
   "X-RateLimit-Limit": {
    "description": "Requests allowed per minute (absent when rate limiting is off and on health probes).",
    "schema": {
     "type": "integer"
    }
   },
   "X-RateLimit-Remaining": {
    "description": "Requests left in the current minute.",
    "schema": {
     "type": "integer"
    }
   },
   "X-RateLimit-Reset": {
    "description": "Unix time when the current window ends.",
    "schema": {
     "type": "integer"
    }
   },
   "Retry-After": {
    "description": "Seconds to wait.",
    "schema": {
     "type": "integer"
    }
   },
   "X-Total-Count": {
    "description": "Items matching the filters, over all pages.",
    "schema": {
     "type": "integer"
    }
   },
   "X-Page": {
    "description": "Page returned (1-based).",
    "schema": {
     "type": "integer"
    }
   },
   "X-Page-Size": {
    "description": "Items per page.",
    "schema": {
     "type": "integer"
    }
   },
   "X-Total-Pages": {
    "description": "Number of pages.",
    "schema": {
     "type": "integer"
    }
   },
   "WWW-Authenticate": {
    "description": "Bearer challenge.",
    "schema": {
     "type": "string"
    }
   },
   "Allow": {
    "description": "Methods the path accepts.",
    "schema": {
     "type": "string"
    }
   }
  },
  "securitySchemes": {
   "bearerAuth": {
    "type": "http",
    "scheme": "bearer",
    "bearerFormat": "JWT or API key",
    "description": "JWT access token, or an API key (etlb_…)."
   },
   "apiKeyAuth": {
    "type": "apiKey",
    "in": "header",
    "name": "X-API-Key"
   }
  }
 }
}
"""#
}

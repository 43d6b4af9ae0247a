/** Response schemas of the API (OpenAPI 3.0), by name: `operations.ts` says which operation answers which. */
export const RESPONSE_SCHEMAS: Record<string, Record<string, unknown>> = {
  Session: {
    type: 'object',
    properties: {
      accessToken: {
        type: 'string',
      },
      tokenType: {
        type: 'string',
        enum: ['Bearer'],
      },
      expiresIn: {
        type: 'integer',
      },
      mustChangePassword: {
        type: 'boolean',
      },
      user: {
        type: 'object',
        required: [
          'id',
          'email',
          'fullName',
          'role',
          'roleLabel',
          'organization',
          'locale',
          'active',
          'mustChangePassword',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          email: {
            type: 'string',
          },
          fullName: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
          roleLabel: {
            type: 'object',
            required: ['vi', 'en'],
            properties: {
              vi: {
                type: 'string',
              },
              en: {
                type: 'string',
              },
            },
          },
          organization: {
            type: 'object',
            required: [
              'id',
              'code',
              'kind',
              'nameVi',
              'nameEn',
              'provinceCode',
              'parentId',
              'validFrom',
              'validTo',
              'successorId',
              'active',
            ],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              code: {
                type: 'string',
              },
              kind: {
                type: 'string',
              },
              nameVi: {
                type: 'string',
              },
              nameEn: {
                type: 'string',
              },
              provinceCode: {
                type: 'integer',
                nullable: true,
              },
              parentId: {
                type: 'string',
                format: 'uuid',
                nullable: true,
              },
              validFrom: {
                type: 'string',
                format: 'date',
              },
              validTo: {
                nullable: true,
              },
              successorId: {
                nullable: true,
              },
              active: {
                type: 'boolean',
              },
            },
          },
          locale: {
            type: 'string',
            enum: ['vi', 'en'],
          },
          active: {
            type: 'boolean',
          },
          mustChangePassword: {
            type: 'boolean',
          },
        },
      },
      otherSessionsEnded: {
        type: 'integer',
      },
    },
  },
  Me: {
    type: 'object',
    required: [
      'id',
      'email',
      'fullName',
      'role',
      'roleLabel',
      'organization',
      'locale',
      'active',
      'mustChangePassword',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      email: {
        type: 'string',
      },
      fullName: {
        type: 'string',
      },
      role: {
        type: 'string',
      },
      roleLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      organization: {
        type: 'object',
        required: [
          'id',
          'code',
          'kind',
          'nameVi',
          'nameEn',
          'provinceCode',
          'parentId',
          'validFrom',
          'validTo',
          'successorId',
          'active',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          code: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
          provinceCode: {
            type: 'integer',
            nullable: true,
          },
          parentId: {
            nullable: true,
          },
          validFrom: {
            type: 'string',
            format: 'date',
          },
          validTo: {
            nullable: true,
          },
          successorId: {
            nullable: true,
          },
          active: {
            type: 'boolean',
          },
        },
      },
      locale: {
        type: 'string',
        enum: ['vi', 'en'],
      },
      active: {
        type: 'boolean',
      },
      mustChangePassword: {
        type: 'boolean',
      },
    },
  },
  AccountSession: {
    type: 'object',
    required: ['id', 'createdAt', 'expiresAt', 'createdIp', 'userAgent', 'current'],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      expiresAt: {
        type: 'string',
        format: 'date-time',
      },
      createdIp: {
        type: 'string',
      },
      userAgent: {
        type: 'string',
      },
      current: {
        type: 'boolean',
      },
    },
  },
  Revoked: {
    type: 'object',
    required: ['revoked'],
    properties: {
      revoked: {
        type: 'integer',
      },
    },
  },
  User: {
    type: 'object',
    required: [
      'id',
      'email',
      'fullName',
      'role',
      'roleLabel',
      'organization',
      'locale',
      'active',
      'mustChangePassword',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      email: {
        type: 'string',
      },
      fullName: {
        type: 'string',
      },
      role: {
        type: 'string',
      },
      roleLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      organization: {
        type: 'object',
        required: [
          'id',
          'code',
          'kind',
          'nameVi',
          'nameEn',
          'provinceCode',
          'parentId',
          'validFrom',
          'validTo',
          'successorId',
          'active',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          code: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
          provinceCode: {
            type: 'integer',
          },
          parentId: {
            nullable: true,
          },
          validFrom: {
            type: 'string',
            format: 'date',
          },
          validTo: {
            nullable: true,
          },
          successorId: {
            nullable: true,
          },
          active: {
            type: 'boolean',
          },
        },
      },
      locale: {
        type: 'string',
        enum: ['vi', 'en'],
      },
      active: {
        type: 'boolean',
      },
      mustChangePassword: {
        type: 'boolean',
      },
    },
  },
  CreatedUser: {
    type: 'object',
    required: ['user', 'password'],
    properties: {
      user: {
        type: 'object',
        required: [
          'id',
          'email',
          'fullName',
          'role',
          'roleLabel',
          'organization',
          'locale',
          'active',
          'mustChangePassword',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          email: {
            type: 'string',
          },
          fullName: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
          roleLabel: {
            type: 'object',
            required: ['vi', 'en'],
            properties: {
              vi: {
                type: 'string',
              },
              en: {
                type: 'string',
              },
            },
          },
          organization: {
            type: 'object',
            required: [
              'id',
              'code',
              'kind',
              'nameVi',
              'nameEn',
              'provinceCode',
              'parentId',
              'validFrom',
              'validTo',
              'successorId',
              'active',
            ],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              code: {
                type: 'string',
              },
              kind: {
                type: 'string',
              },
              nameVi: {
                type: 'string',
              },
              nameEn: {
                type: 'string',
              },
              provinceCode: {
                type: 'integer',
              },
              parentId: {
                nullable: true,
              },
              validFrom: {
                type: 'string',
                format: 'date',
              },
              validTo: {
                nullable: true,
              },
              successorId: {
                nullable: true,
              },
              active: {
                type: 'boolean',
              },
            },
          },
          locale: {
            type: 'string',
            enum: ['vi', 'en'],
          },
          active: {
            type: 'boolean',
          },
          mustChangePassword: {
            type: 'boolean',
          },
        },
      },
      password: {
        type: 'string',
      },
    },
  },
  PasswordResetLink: {
    type: 'object',
    required: ['expiresAt', 'emailed'],
    properties: {
      expiresAt: {
        type: 'string',
        format: 'date-time',
      },
      emailed: {
        type: 'boolean',
      },
      link: {
        type: 'string',
      },
    },
  },
  Nomination: {
    type: 'object',
    required: [
      'id',
      'dossierNumber',
      'awardType',
      'year',
      'route',
      'clusterId',
      'cluster',
      'nominatingOrganization',
      'nominee',
      'summary',
      'state',
      'stateLabel',
      'status',
      'version',
      'machineVersion',
      'allowedEvents',
      'dueAt',
      'dueProvisional',
      'overdue',
      'policy',
      'lastReason',
      'vote',
      'decision',
      'createdAt',
      'updatedAt',
      'submittedAt',
      'decidedAt',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      dossierNumber: {
        type: 'string',
      },
      awardType: {
        type: 'object',
        required: ['code', 'nameVi', 'nameEn'],
        properties: {
          code: {
            $ref: '#/components/schemas/AwardCode',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
        },
      },
      year: {
        type: 'integer',
      },
      route: {
        type: 'string',
      },
      clusterId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      cluster: {
        type: 'object',
        required: ['id', 'nameVi', 'nameEn'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
        },
        nullable: true,
      },
      nominatingOrganization: {
        type: 'object',
        required: ['id', 'code', 'nameVi', 'nameEn', 'active', 'successor'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          code: {
            type: 'string',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
          active: {
            type: 'boolean',
          },
          successor: {
            type: 'object',
            required: ['id', 'code', 'nameVi', 'nameEn'],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              code: {
                type: 'string',
              },
              nameVi: {
                type: 'string',
              },
              nameEn: {
                type: 'string',
              },
            },
            nullable: true,
          },
        },
      },
      nominee: {
        type: 'object',
        required: ['kind', 'organizationId', 'name', 'personId', 'gender', 'position', 'femaleShare'],
        properties: {
          kind: {
            type: 'string',
          },
          organizationId: {
            type: 'string',
            format: 'uuid',
          },
          name: {
            type: 'string',
          },
          personId: {
            type: 'string',
            format: 'uuid',
            nullable: true,
          },
          gender: {
            type: 'string',
            enum: ['female', 'male'],
            nullable: true,
          },
          position: {
            type: 'string',
            nullable: true,
          },
          femaleShare: {
            nullable: true,
          },
        },
      },
      summary: {
        type: 'string',
      },
      state: {
        $ref: '#/components/schemas/NominationState',
      },
      stateLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      status: {
        type: 'string',
      },
      version: {
        type: 'integer',
      },
      machineVersion: {
        type: 'integer',
      },
      allowedEvents: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'label', 'needs'],
          properties: {
            type: {
              type: 'string',
            },
            label: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            needs: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
        },
      },
      dueAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
      },
      dueProvisional: {
        type: 'boolean',
      },
      overdue: {
        type: 'boolean',
      },
      policy: {
        type: 'object',
        required: ['id', 'version', 'effectiveFrom'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          version: {
            type: 'integer',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date',
          },
        },
      },
      lastReason: {
        type: 'string',
        nullable: true,
      },
      vote: {
        type: 'object',
        required: ['rank', 'share', 'approvals', 'sessionId'],
        properties: {
          rank: {
            type: 'integer',
          },
          round: {
            type: 'integer',
          },
          share: {
            type: 'number',
          },
          approvals: {
            type: 'integer',
          },
          decidedBy: {
            type: 'string',
          },
          decidedOn: {
            type: 'string',
            format: 'date',
          },
          sessionId: {
            type: 'string',
          },
        },
        nullable: true,
      },
      decision: {
        type: 'object',
        required: ['outcome', 'decisionNumber', 'decisionDate'],
        properties: {
          outcome: {
            type: 'string',
            enum: ['awarded', 'rejected'],
          },
          decisionNumber: {
            type: 'string',
          },
          decisionDate: {
            type: 'string',
            format: 'date',
          },
          by: {
            type: 'string',
          },
          decisionId: {
            type: 'string',
            format: 'uuid',
          },
        },
        nullable: true,
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
      },
      submittedAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
      },
      decidedAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
      },
    },
  },
  NominationPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'id',
            'dossierNumber',
            'awardType',
            'year',
            'route',
            'clusterId',
            'cluster',
            'nominatingOrganization',
            'nominee',
            'summary',
            'state',
            'stateLabel',
            'status',
            'version',
            'machineVersion',
            'allowedEvents',
            'dueAt',
            'dueProvisional',
            'overdue',
            'policy',
            'lastReason',
            'vote',
            'decision',
            'createdAt',
            'updatedAt',
            'submittedAt',
            'decidedAt',
          ],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            dossierNumber: {
              type: 'string',
            },
            awardType: {
              type: 'object',
              required: ['code', 'nameVi', 'nameEn'],
              properties: {
                code: {
                  $ref: '#/components/schemas/AwardCode',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
            year: {
              type: 'integer',
            },
            route: {
              type: 'string',
            },
            clusterId: {
              type: 'string',
              format: 'uuid',
              nullable: true,
            },
            cluster: {
              type: 'object',
              required: ['id', 'nameVi', 'nameEn'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
              nullable: true,
            },
            nominatingOrganization: {
              type: 'object',
              required: ['id', 'code', 'nameVi', 'nameEn', 'active', 'successor'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                code: {
                  type: 'string',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
                active: {
                  type: 'boolean',
                },
                successor: {
                  type: 'object',
                  required: ['id', 'code', 'nameVi', 'nameEn'],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    code: {
                      type: 'string',
                    },
                    nameVi: {
                      type: 'string',
                    },
                    nameEn: {
                      type: 'string',
                    },
                  },
                  nullable: true,
                },
              },
            },
            nominee: {
              type: 'object',
              required: ['kind', 'organizationId', 'name', 'personId', 'gender', 'position', 'femaleShare'],
              properties: {
                kind: {
                  type: 'string',
                },
                organizationId: {
                  type: 'string',
                  format: 'uuid',
                },
                name: {
                  type: 'string',
                },
                personId: {
                  type: 'string',
                  format: 'uuid',
                  nullable: true,
                },
                gender: {
                  type: 'string',
                  enum: ['female', 'male'],
                  nullable: true,
                },
                position: {
                  type: 'string',
                  nullable: true,
                },
                femaleShare: {
                  nullable: true,
                },
              },
            },
            summary: {
              type: 'string',
            },
            state: {
              $ref: '#/components/schemas/NominationState',
            },
            stateLabel: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            status: {
              type: 'string',
            },
            version: {
              type: 'integer',
            },
            machineVersion: {
              type: 'integer',
            },
            allowedEvents: {
              type: 'array',
              items: {
                type: 'object',
                required: ['type', 'label', 'needs'],
                properties: {
                  type: {
                    type: 'string',
                  },
                  label: {
                    type: 'object',
                    required: ['vi', 'en'],
                    properties: {
                      vi: {
                        type: 'string',
                      },
                      en: {
                        type: 'string',
                      },
                    },
                  },
                  needs: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                },
              },
            },
            dueAt: {
              type: 'string',
              format: 'date-time',
              nullable: true,
            },
            dueProvisional: {
              type: 'boolean',
            },
            overdue: {
              type: 'boolean',
            },
            policy: {
              type: 'object',
              required: ['id', 'version', 'effectiveFrom'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                version: {
                  type: 'integer',
                },
                effectiveFrom: {
                  type: 'string',
                  format: 'date',
                },
              },
            },
            lastReason: {
              type: 'string',
              nullable: true,
            },
            vote: {
              type: 'object',
              required: ['rank', 'share', 'approvals', 'sessionId'],
              properties: {
                rank: {
                  type: 'integer',
                },
                share: {
                  type: 'number',
                },
                approvals: {
                  type: 'integer',
                },
                sessionId: {
                  type: 'string',
                },
              },
              nullable: true,
            },
            decision: {
              type: 'object',
              required: ['by', 'outcome', 'decisionDate', 'decisionNumber'],
              properties: {
                by: {
                  type: 'string',
                },
                outcome: {
                  type: 'string',
                  enum: ['awarded', 'rejected'],
                },
                decisionDate: {
                  type: 'string',
                  format: 'date',
                },
                decisionNumber: {
                  type: 'string',
                },
              },
              nullable: true,
            },
            createdAt: {
              type: 'string',
              format: 'date-time',
            },
            updatedAt: {
              type: 'string',
              format: 'date-time',
            },
            submittedAt: {
              type: 'string',
              format: 'date-time',
              nullable: true,
            },
            decidedAt: {
              type: 'string',
              format: 'date-time',
              nullable: true,
            },
          },
        },
      },
      nextCursor: {
        type: 'string',
        nullable: true,
      },
    },
  },
  History: {
    type: 'object',
    required: ['verified', 'problems', 'entries'],
    properties: {
      verified: {
        type: 'boolean',
      },
      problems: {
        type: 'array',
        items: {
          type: 'object',
          required: ['seq', 'reason'],
          properties: {
            seq: {
              type: 'integer',
            },
            reason: {
              type: 'string',
            },
          },
        },
      },
      entries: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'seq',
            'event',
            'eventLabel',
            'fromState',
            'toState',
            'toStateLabel',
            'at',
            'actor',
            'reason',
            'payload',
            'hash',
          ],
          properties: {
            seq: {
              type: 'integer',
            },
            event: {
              type: 'string',
            },
            eventLabel: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            fromState: {
              type: 'string',
              nullable: true,
            },
            toState: {
              type: 'string',
            },
            toStateLabel: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            at: {
              type: 'string',
              format: 'date-time',
            },
            actor: {
              type: 'object',
              required: ['kind', 'userId', 'name', 'role', 'roleLabel', 'organization'],
              properties: {
                kind: {
                  type: 'string',
                },
                userId: {
                  type: 'string',
                  nullable: true,
                },
                name: {
                  type: 'string',
                  nullable: true,
                },
                role: {
                  type: 'string',
                  nullable: true,
                },
                roleLabel: {
                  type: 'object',
                  required: ['vi', 'en'],
                  properties: {
                    vi: {
                      type: 'string',
                    },
                    en: {
                      type: 'string',
                    },
                  },
                  nullable: true,
                },
                organization: {
                  type: 'object',
                  required: [
                    'id',
                    'code',
                    'kind',
                    'nameVi',
                    'nameEn',
                    'provinceCode',
                    'parentId',
                    'validFrom',
                    'validTo',
                    'successorId',
                    'active',
                  ],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    code: {
                      type: 'string',
                    },
                    kind: {
                      type: 'string',
                    },
                    nameVi: {
                      type: 'string',
                    },
                    nameEn: {
                      type: 'string',
                    },
                    provinceCode: {
                      type: 'integer',
                      nullable: true,
                    },
                    parentId: {
                      type: 'string',
                      format: 'uuid',
                      nullable: true,
                    },
                    validFrom: {
                      type: 'string',
                      format: 'date',
                    },
                    validTo: {
                      type: 'string',
                      format: 'date',
                      nullable: true,
                    },
                    successorId: {
                      type: 'string',
                      format: 'uuid',
                      nullable: true,
                    },
                    active: {
                      type: 'boolean',
                    },
                  },
                  nullable: true,
                },
              },
            },
            reason: {
              type: 'string',
              nullable: true,
            },
            payload: {
              type: 'object',
              properties: {
                policyId: {
                  type: 'string',
                  format: 'uuid',
                },
                eligibility: {
                  type: 'object',
                  required: ['criteria', 'policyId', 'verified', 'blockingUnmet', 'warningsUnmet'],
                  properties: {
                    criteria: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['key', 'met', 'evidence', 'severity'],
                        properties: {
                          key: {
                            type: 'string',
                          },
                          met: {
                            type: 'boolean',
                          },
                          evidence: {
                            type: 'array',
                            items: {
                              type: 'object',
                              required: ['id', 'code', 'year'],
                              properties: {
                                id: {
                                  type: 'string',
                                  format: 'uuid',
                                },
                                code: {
                                  type: 'string',
                                },
                                year: {
                                  type: 'integer',
                                },
                              },
                            },
                          },
                          severity: {
                            type: 'string',
                          },
                        },
                      },
                    },
                    policyId: {
                      type: 'string',
                      format: 'uuid',
                    },
                    verified: {
                      type: 'boolean',
                    },
                    blockingUnmet: {
                      type: 'integer',
                    },
                    warningsUnmet: {
                      type: 'integer',
                    },
                  },
                },
                dossier: {
                  type: 'object',
                  required: ['kinds', 'documents'],
                  properties: {
                    kinds: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    documents: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'kind', 'sha256'],
                        properties: {
                          id: {
                            type: 'string',
                            format: 'uuid',
                          },
                          kind: {
                            type: 'string',
                          },
                          sha256: {
                            type: 'string',
                          },
                        },
                      },
                    },
                  },
                },
                sessionId: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                },
                sha256: {
                  type: 'string',
                },
                documentId: {
                  type: 'string',
                  format: 'uuid',
                },
                rank: {
                  type: 'integer',
                },
                round: {
                  type: 'integer',
                },
                share: {
                  type: 'number',
                },
                approvals: {
                  type: 'integer',
                },
                decidedBy: {
                  type: 'string',
                },
                decidedOn: {
                  type: 'string',
                  format: 'date',
                },
                quota: {
                  type: 'object',
                  required: ['used', 'limit'],
                  properties: {
                    used: {
                      type: 'integer',
                    },
                    limit: {
                      type: 'integer',
                    },
                  },
                },
                minutesAttached: {
                  type: 'boolean',
                },
                acceptanceReason: {
                  type: 'string',
                },
                meetingId: {
                  type: 'string',
                  format: 'uuid',
                },
                decisionId: {
                  type: 'string',
                  format: 'uuid',
                },
                outcome: {
                  type: 'string',
                  enum: ['awarded', 'rejected'],
                },
                decisionDate: {
                  type: 'string',
                  format: 'date',
                },
                decisionNumber: {
                  type: 'string',
                },
                reason: {
                  type: 'string',
                },
              },
            },
            hash: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  DossierDocument: {
    type: 'object',
    required: [
      'id',
      'kind',
      'kindLabel',
      'fileName',
      'contentType',
      'size',
      'sha256',
      'generated',
      'uploadedBy',
      'uploadedAt',
      'current',
      'supersededAt',
      'supersededBy',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      kind: {
        type: 'string',
      },
      kindLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      fileName: {
        type: 'string',
      },
      contentType: {
        type: 'string',
      },
      size: {
        type: 'integer',
      },
      sha256: {
        type: 'string',
      },
      generated: {
        type: 'boolean',
      },
      uploadedBy: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      uploadedAt: {
        type: 'string',
        format: 'date-time',
      },
      current: {
        type: 'boolean',
      },
      supersededAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
      },
      supersededBy: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
    },
  },
  Eligibility: {
    type: 'object',
    required: [
      'awardType',
      'year',
      'policy',
      'verified',
      'hasStandard',
      'criteria',
      'blockingUnmet',
      'warningsUnmet',
    ],
    properties: {
      awardType: {
        type: 'string',
      },
      year: {
        type: 'integer',
      },
      policy: {
        type: 'object',
        required: ['id', 'version', 'effectiveFrom'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          version: {
            type: 'integer',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date',
          },
        },
      },
      verified: {
        type: 'boolean',
      },
      hasStandard: {
        type: 'boolean',
      },
      criteria: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'label', 'severity', 'met', 'evidence'],
          properties: {
            key: {
              type: 'string',
            },
            label: {
              type: 'object',
              required: ['en', 'vi'],
              properties: {
                en: {
                  type: 'string',
                },
                vi: {
                  type: 'string',
                },
              },
            },
            severity: {
              type: 'string',
            },
            met: {
              type: 'boolean',
            },
            evidence: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'id',
                  'subjectKind',
                  'person',
                  'organization',
                  'category',
                  'code',
                  'title',
                  'year',
                  'decidingBody',
                  'decisionNumber',
                  'decisionDate',
                  'source',
                  'nominationId',
                  'revoked',
                  'revocation',
                ],
                properties: {
                  id: {
                    type: 'string',
                    format: 'uuid',
                  },
                  subjectKind: {
                    type: 'string',
                  },
                  person: {
                    type: 'object',
                    required: ['id', 'fullName'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      fullName: {
                        type: 'string',
                      },
                    },
                  },
                  organization: {
                    type: 'object',
                    required: ['id', 'nameVi', 'nameEn'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      nameVi: {
                        type: 'string',
                      },
                      nameEn: {
                        type: 'string',
                      },
                    },
                  },
                  category: {
                    type: 'string',
                  },
                  code: {
                    type: 'string',
                  },
                  title: {
                    type: 'object',
                    required: ['vi', 'en'],
                    properties: {
                      vi: {
                        type: 'string',
                      },
                      en: {
                        type: 'string',
                      },
                    },
                  },
                  year: {
                    type: 'integer',
                  },
                  decidingBody: {
                    type: 'string',
                  },
                  decisionNumber: {
                    type: 'string',
                  },
                  decisionDate: {
                    type: 'string',
                    format: 'date',
                  },
                  source: {
                    type: 'string',
                  },
                  nominationId: {
                    nullable: true,
                  },
                  revoked: {
                    type: 'boolean',
                  },
                  revocation: {
                    nullable: true,
                  },
                },
              },
            },
          },
        },
      },
      blockingUnmet: {
        type: 'integer',
      },
      warningsUnmet: {
        type: 'integer',
      },
    },
  },
  Meeting: {
    type: 'object',
    required: [
      'id',
      'kind',
      'organization',
      'year',
      'heldOn',
      'startsAt',
      'place',
      'venue',
      'chair',
      'secretary',
      'present',
      'absent',
      'createdAt',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      kind: {
        type: 'string',
      },
      organization: {
        type: 'object',
        required: ['id', 'nameVi', 'nameEn'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
        },
      },
      year: {
        type: 'integer',
      },
      heldOn: {
        type: 'string',
        format: 'date',
      },
      startsAt: {
        type: 'string',
        nullable: true,
      },
      place: {
        type: 'string',
      },
      venue: {
        type: 'string',
        nullable: true,
      },
      chair: {
        type: 'object',
        required: ['name', 'function'],
        properties: {
          name: {
            type: 'string',
          },
          function: {
            type: 'string',
          },
        },
      },
      secretary: {
        type: 'object',
        required: ['name', 'function'],
        properties: {
          name: {
            type: 'string',
          },
          function: {
            type: 'string',
          },
        },
      },
      present: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name'],
          properties: {
            organizationId: {
              type: 'string',
              format: 'uuid',
            },
            name: {
              type: 'string',
            },
          },
        },
      },
      absent: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name'],
          properties: {
            organizationId: {
              type: 'string',
              format: 'uuid',
            },
            name: {
              type: 'string',
            },
          },
        },
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  VotingSession: {
    type: 'object',
    required: [
      'id',
      'cluster',
      'year',
      'state',
      'stateLabel',
      'version',
      'allowedEvents',
      'round',
      'closesAt',
      'eligible',
      'eligibleOrganizations',
      'electorateChanges',
      'quorum',
      'turnout',
      'meeting',
      'items',
      'results',
      'receipts',
      'minutes',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      cluster: {
        type: 'object',
        required: ['id', 'nameVi', 'nameEn'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
        },
      },
      year: {
        type: 'integer',
      },
      state: {
        $ref: '#/components/schemas/VotingSessionState',
      },
      stateLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      version: {
        type: 'integer',
      },
      allowedEvents: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'label'],
          properties: {
            type: {
              type: 'string',
            },
            label: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      round: {
        type: 'integer',
      },
      closesAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
      },
      eligible: {
        type: 'integer',
      },
      eligibleOrganizations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'nameVi', 'nameEn'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
          },
        },
      },
      electorateChanges: {
        type: 'array',
        items: {
          type: 'object',
          required: ['organization', 'endedOn', 'successor'],
          properties: {
            organization: {
              type: 'object',
              required: ['id', 'nameVi', 'nameEn'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
            endedOn: {
              type: 'string',
              format: 'date',
            },
            successor: {
              type: 'object',
              required: ['id', 'nameVi', 'nameEn'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      quorum: {
        type: 'object',
        required: ['share', 'required'],
        properties: {
          share: {
            type: 'number',
          },
          required: {
            type: 'integer',
          },
        },
      },
      turnout: {
        type: 'object',
        required: ['count', 'organizations', 'youVoted'],
        properties: {
          count: {
            type: 'integer',
          },
          organizations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'nameVi', 'nameEn'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
          },
          youVoted: {
            type: 'boolean',
          },
        },
      },
      meeting: {
        type: 'object',
        required: [
          'id',
          'kind',
          'organization',
          'year',
          'heldOn',
          'startsAt',
          'place',
          'venue',
          'chair',
          'secretary',
          'present',
          'absent',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          kind: {
            type: 'string',
          },
          organization: {
            type: 'object',
            required: ['id', 'nameVi', 'nameEn'],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              nameVi: {
                type: 'string',
              },
              nameEn: {
                type: 'string',
              },
            },
          },
          year: {
            type: 'integer',
          },
          heldOn: {
            type: 'string',
            format: 'date',
          },
          startsAt: {
            type: 'string',
          },
          place: {
            type: 'string',
          },
          venue: {
            type: 'string',
          },
          chair: {
            type: 'object',
            required: ['name', 'function'],
            properties: {
              name: {
                type: 'string',
              },
              function: {
                type: 'string',
              },
            },
          },
          secretary: {
            type: 'object',
            required: ['name', 'function'],
            properties: {
              name: {
                type: 'string',
              },
              function: {
                type: 'string',
              },
            },
          },
          present: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'organizationId'],
              properties: {
                name: {
                  type: 'string',
                },
                organizationId: {
                  type: 'string',
                  format: 'uuid',
                },
              },
            },
          },
          absent: {
            type: 'array',
            items: {},
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'awardType',
            'quota',
            'yearQuota',
            'takenEarlier',
            'places',
            'rules',
            'tieBreak',
            'candidates',
          ],
          properties: {
            awardType: {
              type: 'string',
            },
            quota: {
              type: 'integer',
            },
            yearQuota: {
              type: 'integer',
            },
            takenEarlier: {
              type: 'integer',
            },
            places: {
              type: 'integer',
            },
            rules: {
              type: 'object',
              required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
              properties: {
                selfVote: {
                  type: 'boolean',
                },
                quorumShare: {
                  type: 'number',
                },
                approvalBase: {
                  type: 'string',
                },
                strictlyMore: {
                  type: 'boolean',
                },
                approvalShare: {
                  type: 'number',
                },
              },
            },
            tieBreak: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
            candidates: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'nominationId',
                  'nominee',
                  'nominatingOrganization',
                  'inThisRound',
                  'summary',
                  'documents',
                ],
                properties: {
                  nominationId: {
                    type: 'string',
                    format: 'uuid',
                  },
                  nominee: {
                    type: 'string',
                  },
                  nominatingOrganization: {
                    type: 'object',
                    required: ['id', 'nameVi', 'nameEn'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      nameVi: {
                        type: 'string',
                      },
                      nameEn: {
                        type: 'string',
                      },
                    },
                  },
                  inThisRound: {
                    type: 'boolean',
                  },
                  summary: {
                    type: 'string',
                    nullable: true,
                  },
                  documents: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'kind', 'kindLabel', 'fileName', 'path'],
                      properties: {
                        id: {
                          type: 'string',
                          format: 'uuid',
                        },
                        kind: {
                          type: 'string',
                        },
                        kindLabel: {
                          type: 'object',
                          required: ['vi', 'en'],
                          properties: {
                            vi: {
                              type: 'string',
                            },
                            en: {
                              type: 'string',
                            },
                          },
                        },
                        fileName: {
                          type: 'string',
                        },
                        path: {
                          type: 'string',
                        },
                      },
                    },
                    nullable: true,
                  },
                },
              },
            },
          },
        },
      },
      results: {
        type: 'object',
        required: ['candidates', 'rounds'],
        properties: {
          candidates: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'rank',
                'share',
                'outcome',
                'selected',
                'approvals',
                'awardType',
                'nominationId',
                'round',
                'decidedBy',
                'rounds',
              ],
              properties: {
                rank: {
                  type: 'integer',
                },
                share: {
                  type: 'number',
                },
                outcome: {
                  type: 'string',
                },
                selected: {
                  type: 'boolean',
                },
                approvals: {
                  type: 'integer',
                },
                awardType: {
                  type: 'string',
                },
                nominationId: {
                  type: 'string',
                  format: 'uuid',
                },
                round: {
                  type: 'integer',
                },
                decidedBy: {
                  type: 'string',
                },
                rounds: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['round', 'approvals', 'share'],
                    properties: {
                      round: {
                        type: 'integer',
                      },
                      approvals: {
                        type: 'integer',
                      },
                      share: {
                        type: 'number',
                      },
                    },
                  },
                },
                tieBreak: {
                  type: 'string',
                },
              },
            },
          },
          rounds: {
            type: 'array',
            items: {
              type: 'object',
              required: ['round', 'turnout', 'ballots', 'candidates', 'runoff'],
              properties: {
                round: {
                  type: 'integer',
                },
                turnout: {
                  type: 'integer',
                },
                ballots: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: [
                      'blank',
                      'valid',
                      'issued',
                      'places',
                      'invalid',
                      'received',
                      'awardType',
                      'threshold',
                    ],
                    properties: {
                      blank: {
                        type: 'integer',
                      },
                      valid: {
                        type: 'integer',
                      },
                      issued: {
                        type: 'integer',
                      },
                      places: {
                        type: 'integer',
                      },
                      invalid: {
                        type: 'integer',
                      },
                      received: {
                        type: 'integer',
                      },
                      awardType: {
                        type: 'string',
                      },
                      threshold: {
                        type: 'integer',
                      },
                    },
                  },
                },
                candidates: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: [
                      'rank',
                      'share',
                      'outcome',
                      'selected',
                      'approvals',
                      'awardType',
                      'nominationId',
                    ],
                    properties: {
                      rank: {
                        type: 'integer',
                      },
                      share: {
                        type: 'number',
                      },
                      outcome: {
                        type: 'string',
                      },
                      selected: {
                        type: 'boolean',
                      },
                      approvals: {
                        type: 'integer',
                      },
                      awardType: {
                        type: 'string',
                      },
                      nominationId: {
                        type: 'string',
                        format: 'uuid',
                      },
                      tieBreak: {
                        type: 'string',
                      },
                    },
                  },
                },
                runoff: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['places', 'awardType', 'nominationIds'],
                    properties: {
                      places: {
                        type: 'integer',
                      },
                      awardType: {
                        type: 'string',
                      },
                      nominationIds: {
                        type: 'array',
                        items: {
                          type: 'string',
                          format: 'uuid',
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        nullable: true,
      },
      receipts: {
        type: 'array',
        items: {
          type: 'object',
          required: ['round', 'codes'],
          properties: {
            round: {
              type: 'integer',
            },
            codes: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
        },
      },
      minutes: {
        type: 'object',
        required: ['sha256', 'pdf', 'docx'],
        properties: {
          sha256: {
            type: 'string',
          },
          pdf: {
            type: 'object',
            required: ['id', 'kind', 'format', 'fileName', 'sha256', 'size', 'createdAt', 'download'],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              kind: {
                type: 'string',
              },
              format: {
                type: 'string',
              },
              fileName: {
                type: 'string',
              },
              sha256: {
                type: 'string',
              },
              size: {
                type: 'integer',
              },
              createdAt: {
                type: 'string',
                format: 'date-time',
              },
              download: {
                type: 'string',
              },
            },
          },
          docx: {
            type: 'object',
            required: ['id', 'kind', 'format', 'fileName', 'sha256', 'size', 'createdAt', 'download'],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              kind: {
                type: 'string',
              },
              format: {
                type: 'string',
              },
              fileName: {
                type: 'string',
              },
              sha256: {
                type: 'string',
              },
              size: {
                type: 'integer',
              },
              createdAt: {
                type: 'string',
                format: 'date-time',
              },
              download: {
                type: 'string',
              },
            },
          },
        },
        nullable: true,
      },
    },
  },
  BallotReceipt: {
    type: 'object',
    required: ['receipt', 'round'],
    properties: {
      receipt: {
        type: 'string',
      },
      round: {
        type: 'integer',
      },
    },
  },
  Decision: {
    type: 'object',
    required: ['id', 'kind', 'number', 'date', 'meetingId', 'signer'],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      kind: {
        type: 'string',
      },
      number: {
        type: 'string',
        nullable: true,
      },
      date: {
        type: 'string',
        format: 'date',
      },
      meetingId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      signer: {
        type: 'object',
        required: ['name', 'function'],
        properties: {
          name: {
            type: 'string',
          },
          function: {
            type: 'string',
          },
        },
        nullable: true,
      },
      nominations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'dossierNumber', 'state', 'version'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            dossierNumber: {
              type: 'string',
            },
            state: {
              type: 'string',
            },
            version: {
              type: 'integer',
            },
          },
        },
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['nominationId', 'dossierNumber', 'nominee', 'outcome', 'reason'],
          properties: {
            nominationId: {
              type: 'string',
              format: 'uuid',
            },
            dossierNumber: {
              type: 'string',
            },
            nominee: {
              type: 'string',
            },
            outcome: {
              type: 'string',
              enum: ['awarded', 'rejected'],
            },
            reason: {
              nullable: true,
            },
          },
        },
      },
    },
  },
  ClusterYear: {
    type: 'object',
    required: ['cluster', 'year', 'leader', 'deputies', 'members'],
    properties: {
      cluster: {
        type: 'object',
        required: [
          'id',
          'code',
          'kind',
          'nameVi',
          'nameEn',
          'provinceCode',
          'parentId',
          'validFrom',
          'validTo',
          'successorId',
          'active',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          code: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
          provinceCode: {
            nullable: true,
          },
          parentId: {
            nullable: true,
          },
          validFrom: {
            type: 'string',
            format: 'date',
          },
          validTo: {
            nullable: true,
          },
          successorId: {
            nullable: true,
          },
          active: {
            type: 'boolean',
          },
        },
      },
      year: {
        type: 'integer',
      },
      leader: {
        type: 'object',
        required: [
          'id',
          'code',
          'kind',
          'nameVi',
          'nameEn',
          'provinceCode',
          'parentId',
          'validFrom',
          'validTo',
          'successorId',
          'active',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          code: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
          provinceCode: {
            type: 'integer',
          },
          parentId: {
            nullable: true,
          },
          validFrom: {
            type: 'string',
            format: 'date',
          },
          validTo: {
            nullable: true,
          },
          successorId: {
            nullable: true,
          },
          active: {
            type: 'boolean',
          },
        },
        nullable: true,
      },
      deputies: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'id',
            'code',
            'kind',
            'nameVi',
            'nameEn',
            'provinceCode',
            'parentId',
            'validFrom',
            'validTo',
            'successorId',
            'active',
          ],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            code: {
              type: 'string',
            },
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            provinceCode: {
              type: 'integer',
            },
            parentId: {
              nullable: true,
            },
            validFrom: {
              type: 'string',
              format: 'date',
            },
            validTo: {
              type: 'string',
              format: 'date',
              nullable: true,
            },
            successorId: {
              type: 'string',
              format: 'uuid',
              nullable: true,
            },
            active: {
              type: 'boolean',
            },
          },
        },
      },
      members: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'id',
            'code',
            'kind',
            'nameVi',
            'nameEn',
            'provinceCode',
            'parentId',
            'validFrom',
            'validTo',
            'successorId',
            'active',
          ],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            code: {
              type: 'string',
            },
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            provinceCode: {
              type: 'integer',
            },
            parentId: {
              nullable: true,
            },
            validFrom: {
              type: 'string',
              format: 'date',
            },
            validTo: {
              type: 'string',
              format: 'date',
              nullable: true,
            },
            successorId: {
              type: 'string',
              format: 'uuid',
              nullable: true,
            },
            active: {
              type: 'boolean',
            },
          },
        },
      },
    },
  },
  Agreement: {
    type: 'object',
    required: [
      'id',
      'clusterId',
      'year',
      'title',
      'criteria',
      'state',
      'stateLabel',
      'version',
      'members',
      'signed',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      clusterId: {
        type: 'string',
        format: 'uuid',
      },
      year: {
        type: 'integer',
      },
      title: {
        type: 'string',
      },
      criteria: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'name', 'weight', 'maxScore'],
          properties: {
            code: {
              type: 'string',
            },
            name: {
              type: 'string',
            },
            weight: {
              type: 'number',
            },
            maxScore: {
              type: 'number',
            },
          },
        },
      },
      state: {
        $ref: '#/components/schemas/AgreementState',
      },
      stateLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      version: {
        type: 'integer',
      },
      members: {
        type: 'array',
        items: {
          type: 'object',
          required: ['organization', 'signedAt'],
          properties: {
            organization: {
              type: 'object',
              required: ['id', 'nameVi', 'nameEn'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
            signedAt: {
              type: 'string',
              format: 'date-time',
              nullable: true,
            },
          },
        },
      },
      signed: {
        type: 'integer',
      },
    },
  },
  Evaluation: {
    type: 'object',
    required: ['organization', 'scores', 'total', 'status', 'note', 'submittedAt'],
    properties: {
      organization: {
        type: 'object',
        required: ['id', 'nameVi', 'nameEn'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
        },
      },
      scores: {
        type: 'object',
        additionalProperties: {
          type: 'integer',
        },
      },
      total: {
        type: 'number',
      },
      status: {
        type: 'string',
      },
      note: {
        type: 'string',
        nullable: true,
      },
      submittedAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  Ranking: {
    type: 'object',
    required: ['clusterId', 'year', 'criteria', 'ranking', 'pendingOrganizationIds'],
    properties: {
      clusterId: {
        type: 'string',
        format: 'uuid',
      },
      year: {
        type: 'integer',
      },
      criteria: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'name', 'weight', 'maxScore'],
          properties: {
            code: {
              type: 'string',
            },
            name: {
              type: 'string',
            },
            weight: {
              type: 'number',
            },
            maxScore: {
              type: 'number',
            },
          },
        },
      },
      ranking: {
        type: 'array',
        items: {
          type: 'object',
          required: ['rank', 'tied', 'total', 'organization'],
          properties: {
            rank: {
              type: 'integer',
            },
            tied: {
              type: 'boolean',
            },
            total: {
              type: 'number',
            },
            organization: {
              type: 'object',
              required: ['id', 'nameVi', 'nameEn'],
              properties: {
                id: {
                  type: 'string',
                  format: 'uuid',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      pendingOrganizationIds: {
        type: 'array',
        items: {},
      },
    },
  },
  LeadershipProposal: {
    type: 'object',
    required: ['year', 'leaderId', 'deputyIds', 'basis'],
    properties: {
      year: {
        type: 'integer',
      },
      leaderId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      deputyIds: {
        type: 'array',
        items: {
          type: 'string',
          format: 'uuid',
        },
      },
      basis: {
        type: 'string',
      },
    },
  },
  GeneratedDocument: {
    type: 'object',
    required: [
      'id',
      'kind',
      'format',
      'fileName',
      'sha256',
      'size',
      'createdAt',
      'download',
      'number',
      'formats',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      kind: {
        type: 'string',
      },
      format: {
        type: 'string',
      },
      fileName: {
        type: 'string',
      },
      sha256: {
        type: 'string',
      },
      size: {
        type: 'integer',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      download: {
        type: 'string',
      },
      number: {
        type: 'string',
      },
      formats: {
        type: 'object',
        required: ['pdf', 'docx'],
        properties: {
          pdf: {
            type: 'object',
            required: ['id', 'kind', 'format', 'fileName', 'sha256', 'size', 'createdAt', 'download'],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              kind: {
                type: 'string',
              },
              format: {
                type: 'string',
              },
              fileName: {
                type: 'string',
              },
              sha256: {
                type: 'string',
              },
              size: {
                type: 'integer',
              },
              createdAt: {
                type: 'string',
                format: 'date-time',
              },
              download: {
                type: 'string',
              },
            },
          },
          docx: {
            type: 'object',
            required: ['id', 'kind', 'format', 'fileName', 'sha256', 'size', 'createdAt', 'download'],
            properties: {
              id: {
                type: 'string',
                format: 'uuid',
              },
              kind: {
                type: 'string',
              },
              format: {
                type: 'string',
              },
              fileName: {
                type: 'string',
              },
              sha256: {
                type: 'string',
              },
              size: {
                type: 'integer',
              },
              createdAt: {
                type: 'string',
                format: 'date-time',
              },
              download: {
                type: 'string',
              },
            },
          },
        },
      },
    },
  },
  Organization: {
    type: 'object',
    required: [
      'id',
      'code',
      'kind',
      'nameVi',
      'nameEn',
      'provinceCode',
      'parentId',
      'validFrom',
      'validTo',
      'successorId',
      'active',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      code: {
        type: 'string',
      },
      kind: {
        type: 'string',
      },
      nameVi: {
        type: 'string',
      },
      nameEn: {
        type: 'string',
      },
      provinceCode: {
        type: 'integer',
        nullable: true,
      },
      parentId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      validFrom: {
        type: 'string',
        format: 'date',
      },
      validTo: {
        type: 'string',
        format: 'date',
        nullable: true,
      },
      successorId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      active: {
        type: 'boolean',
      },
    },
  },
  Merger: {
    type: 'object',
    required: [
      'id',
      'code',
      'kind',
      'nameVi',
      'nameEn',
      'provinceCode',
      'parentId',
      'validFrom',
      'validTo',
      'successorId',
      'active',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      code: {
        type: 'string',
      },
      kind: {
        type: 'string',
      },
      nameVi: {
        type: 'string',
      },
      nameEn: {
        type: 'string',
      },
      provinceCode: {
        type: 'integer',
      },
      parentId: {
        nullable: true,
      },
      validFrom: {
        type: 'string',
        format: 'date',
      },
      validTo: {
        type: 'string',
        format: 'date',
      },
      successorId: {
        type: 'string',
        format: 'uuid',
      },
      active: {
        type: 'boolean',
      },
    },
  },
  EligibleNominees: {
    type: 'object',
    required: ['organizationId', 'year', 'items'],
    properties: {
      organizationId: {
        type: 'string',
        format: 'uuid',
      },
      year: {
        type: 'integer',
      },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['awardType', 'nominee', 'eligibility'],
          properties: {
            awardType: {
              type: 'object',
              required: ['code', 'nameVi', 'nameEn'],
              properties: {
                code: {
                  $ref: '#/components/schemas/AwardCode',
                },
                nameVi: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
              },
            },
            nominee: {
              type: 'object',
              required: ['kind', 'personId', 'organizationId', 'name'],
              properties: {
                kind: {
                  type: 'string',
                },
                personId: {
                  type: 'string',
                  format: 'uuid',
                },
                organizationId: {
                  type: 'string',
                  format: 'uuid',
                },
                name: {
                  type: 'string',
                },
              },
            },
            eligibility: {
              type: 'object',
              required: [
                'awardType',
                'year',
                'policy',
                'verified',
                'hasStandard',
                'criteria',
                'blockingUnmet',
                'warningsUnmet',
              ],
              properties: {
                awardType: {
                  type: 'string',
                },
                year: {
                  type: 'integer',
                },
                policy: {
                  type: 'object',
                  required: ['id', 'version', 'effectiveFrom'],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    version: {
                      type: 'integer',
                    },
                    effectiveFrom: {
                      type: 'string',
                      format: 'date',
                    },
                  },
                },
                verified: {
                  type: 'boolean',
                },
                hasStandard: {
                  type: 'boolean',
                },
                criteria: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['key', 'label', 'severity', 'met', 'evidence'],
                    properties: {
                      key: {
                        type: 'string',
                      },
                      label: {
                        type: 'object',
                        required: ['en', 'vi'],
                        properties: {
                          en: {
                            type: 'string',
                          },
                          vi: {
                            type: 'string',
                          },
                        },
                      },
                      severity: {
                        type: 'string',
                      },
                      met: {
                        type: 'boolean',
                      },
                      evidence: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: [
                            'id',
                            'subjectKind',
                            'person',
                            'organization',
                            'category',
                            'code',
                            'title',
                            'year',
                            'decidingBody',
                            'decisionNumber',
                            'decisionDate',
                            'source',
                            'nominationId',
                            'revoked',
                            'revocation',
                          ],
                          properties: {
                            id: {
                              type: 'string',
                              format: 'uuid',
                            },
                            subjectKind: {
                              type: 'string',
                            },
                            person: {
                              type: 'object',
                              required: ['id', 'fullName'],
                              properties: {
                                id: {
                                  type: 'string',
                                  format: 'uuid',
                                },
                                fullName: {
                                  type: 'string',
                                },
                              },
                            },
                            organization: {
                              type: 'object',
                              required: ['id', 'nameVi', 'nameEn'],
                              properties: {
                                id: {
                                  type: 'string',
                                  format: 'uuid',
                                },
                                nameVi: {
                                  type: 'string',
                                },
                                nameEn: {
                                  type: 'string',
                                },
                              },
                            },
                            category: {
                              type: 'string',
                            },
                            code: {
                              type: 'string',
                            },
                            title: {
                              type: 'object',
                              required: ['vi', 'en'],
                              properties: {
                                vi: {
                                  type: 'string',
                                },
                                en: {
                                  type: 'string',
                                },
                              },
                            },
                            year: {
                              type: 'integer',
                            },
                            decidingBody: {
                              type: 'string',
                            },
                            decisionNumber: {
                              type: 'string',
                            },
                            decisionDate: {
                              type: 'string',
                              format: 'date',
                            },
                            source: {
                              type: 'string',
                            },
                            nominationId: {
                              nullable: true,
                            },
                            revoked: {
                              type: 'boolean',
                            },
                            revocation: {
                              nullable: true,
                            },
                          },
                        },
                      },
                    },
                  },
                },
                blockingUnmet: {
                  type: 'integer',
                },
                warningsUnmet: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
    },
  },
  AwardType: {
    type: 'object',
    required: [
      'code',
      'nameVi',
      'nameEn',
      'nomineeKinds',
      'decidedBy',
      'route',
      'policy',
      'requiredDocuments',
    ],
    properties: {
      code: {
        type: 'string',
      },
      nameVi: {
        type: 'string',
      },
      nameEn: {
        type: 'string',
      },
      nomineeKinds: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      decidedBy: {
        type: 'string',
      },
      route: {
        type: 'string',
      },
      policy: {
        type: 'object',
        required: ['id', 'version', 'effectiveFrom', 'source', 'rules'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          version: {
            type: 'integer',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date',
          },
          source: {
            type: 'string',
          },
          rules: {
            type: 'object',
            required: [
              'vote',
              'quota',
              'dossier',
              'tieBreak',
              'deadlines',
              'prizeMultiple',
              'publicityWorkingDays',
              'groundsForHigherAwards',
            ],
            properties: {
              vote: {
                type: 'object',
                required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
                properties: {
                  selfVote: {
                    type: 'boolean',
                  },
                  quorumShare: {
                    type: 'number',
                  },
                  approvalBase: {
                    type: 'string',
                  },
                  strictlyMore: {
                    type: 'boolean',
                  },
                  approvalShare: {
                    type: 'number',
                  },
                },
                nullable: true,
              },
              quota: {
                type: 'object',
                required: ['perCluster', 'shareOfEligible', 'perNominatingUnit'],
                properties: {
                  perCluster: {
                    type: 'integer',
                    nullable: true,
                  },
                  shareOfEligible: {
                    nullable: true,
                  },
                  perNominatingUnit: {
                    nullable: true,
                  },
                },
              },
              dossier: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['kind', 'stage', 'copies'],
                  properties: {
                    kind: {
                      type: 'string',
                    },
                    stage: {
                      type: 'string',
                    },
                    copies: {
                      type: 'integer',
                    },
                  },
                },
              },
              standard: {
                type: 'object',
                required: ['verified', 'individual'],
                properties: {
                  verified: {
                    type: 'boolean',
                  },
                  individual: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['key', 'rule', 'label', 'severity'],
                      properties: {
                        key: {
                          type: 'string',
                        },
                        rule: {
                          type: 'object',
                          required: ['holds'],
                          properties: {
                            holds: {
                              type: 'object',
                              required: ['codes'],
                              properties: {
                                codes: {
                                  type: 'array',
                                  items: {
                                    type: 'string',
                                  },
                                },
                                times: {
                                  type: 'integer',
                                },
                                consecutive: {
                                  type: 'boolean',
                                },
                                endingWithin: {
                                  type: 'integer',
                                },
                                window: {
                                  type: 'integer',
                                },
                              },
                            },
                          },
                        },
                        label: {
                          type: 'object',
                          required: ['en', 'vi'],
                          properties: {
                            en: {
                              type: 'string',
                            },
                            vi: {
                              type: 'string',
                            },
                          },
                        },
                        severity: {
                          type: 'string',
                        },
                      },
                    },
                  },
                },
              },
              tieBreak: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              deadlines: {
                type: 'object',
                required: [
                  'lapseOnExpiry',
                  'reminderShare',
                  'responseWorkingDays',
                  'appraisalWorkingDays',
                  'consultationWorkingDays',
                  'consultedAnswerWorkingDays',
                ],
                properties: {
                  lapseOnExpiry: {
                    type: 'boolean',
                  },
                  reminderShare: {
                    type: 'number',
                  },
                  responseWorkingDays: {
                    type: 'integer',
                  },
                  appraisalWorkingDays: {
                    type: 'integer',
                  },
                  consultationWorkingDays: {
                    type: 'integer',
                  },
                  consultedAnswerWorkingDays: {
                    type: 'integer',
                  },
                },
              },
              prizeMultiple: {
                type: 'number',
                nullable: true,
              },
              publicityWorkingDays: {
                type: 'integer',
              },
              groundsForHigherAwards: {
                type: 'boolean',
              },
            },
          },
        },
      },
      requiredDocuments: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'nameVi', 'nameEn', 'copies', 'stage'],
          properties: {
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            copies: {
              type: 'integer',
            },
            stage: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  AwardTypeDetail: {
    type: 'object',
    required: [
      'code',
      'nameVi',
      'nameEn',
      'nomineeKinds',
      'decidedBy',
      'route',
      'policy',
      'requiredDocuments',
      'versions',
    ],
    properties: {
      code: {
        type: 'string',
      },
      nameVi: {
        type: 'string',
      },
      nameEn: {
        type: 'string',
      },
      nomineeKinds: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      decidedBy: {
        type: 'string',
      },
      route: {
        type: 'string',
      },
      policy: {
        type: 'object',
        required: ['id', 'version', 'effectiveFrom', 'source', 'rules'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          version: {
            type: 'integer',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date',
          },
          source: {
            type: 'string',
          },
          rules: {
            type: 'object',
            required: [
              'vote',
              'quota',
              'dossier',
              'tieBreak',
              'deadlines',
              'prizeMultiple',
              'publicityWorkingDays',
              'groundsForHigherAwards',
            ],
            properties: {
              vote: {
                type: 'object',
                required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
                properties: {
                  selfVote: {
                    type: 'boolean',
                  },
                  quorumShare: {
                    type: 'number',
                  },
                  approvalBase: {
                    type: 'string',
                  },
                  strictlyMore: {
                    type: 'boolean',
                  },
                  approvalShare: {
                    type: 'number',
                  },
                },
                nullable: true,
              },
              quota: {
                type: 'object',
                required: ['perCluster', 'shareOfEligible', 'perNominatingUnit'],
                properties: {
                  perCluster: {
                    type: 'integer',
                    nullable: true,
                  },
                  shareOfEligible: {
                    nullable: true,
                  },
                  perNominatingUnit: {
                    nullable: true,
                  },
                },
              },
              dossier: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['kind', 'stage', 'copies'],
                  properties: {
                    kind: {
                      type: 'string',
                    },
                    stage: {
                      type: 'string',
                    },
                    copies: {
                      type: 'integer',
                    },
                  },
                },
              },
              standard: {
                type: 'object',
                required: ['verified', 'individual'],
                properties: {
                  verified: {
                    type: 'boolean',
                  },
                  individual: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['key', 'rule', 'label', 'severity'],
                      properties: {
                        key: {
                          type: 'string',
                        },
                        rule: {
                          type: 'object',
                          required: ['holds'],
                          properties: {
                            holds: {
                              type: 'object',
                              required: ['codes'],
                              properties: {
                                codes: {
                                  type: 'array',
                                  items: {
                                    type: 'string',
                                  },
                                },
                                times: {
                                  type: 'integer',
                                },
                                consecutive: {
                                  type: 'boolean',
                                },
                                endingWithin: {
                                  type: 'integer',
                                },
                                window: {
                                  type: 'integer',
                                },
                              },
                            },
                          },
                        },
                        label: {
                          type: 'object',
                          required: ['en', 'vi'],
                          properties: {
                            en: {
                              type: 'string',
                            },
                            vi: {
                              type: 'string',
                            },
                          },
                        },
                        severity: {
                          type: 'string',
                        },
                      },
                    },
                  },
                },
              },
              tieBreak: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              deadlines: {
                type: 'object',
                required: [
                  'lapseOnExpiry',
                  'reminderShare',
                  'responseWorkingDays',
                  'appraisalWorkingDays',
                  'consultationWorkingDays',
                  'consultedAnswerWorkingDays',
                ],
                properties: {
                  lapseOnExpiry: {
                    type: 'boolean',
                  },
                  reminderShare: {
                    type: 'number',
                  },
                  responseWorkingDays: {
                    type: 'integer',
                  },
                  appraisalWorkingDays: {
                    type: 'integer',
                  },
                  consultationWorkingDays: {
                    type: 'integer',
                  },
                  consultedAnswerWorkingDays: {
                    type: 'integer',
                  },
                },
              },
              prizeMultiple: {
                type: 'number',
                nullable: true,
              },
              publicityWorkingDays: {
                type: 'integer',
              },
              groundsForHigherAwards: {
                type: 'boolean',
              },
            },
          },
        },
      },
      requiredDocuments: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'nameVi', 'nameEn', 'copies', 'stage'],
          properties: {
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            copies: {
              type: 'integer',
            },
            stage: {
              type: 'string',
            },
          },
        },
      },
      versions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'version', 'effectiveFrom', 'source', 'rules'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            version: {
              type: 'integer',
            },
            effectiveFrom: {
              type: 'string',
              format: 'date',
            },
            source: {
              type: 'string',
            },
            rules: {
              type: 'object',
              required: [
                'vote',
                'quota',
                'dossier',
                'tieBreak',
                'deadlines',
                'prizeMultiple',
                'publicityWorkingDays',
                'groundsForHigherAwards',
              ],
              properties: {
                vote: {
                  type: 'object',
                  required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
                  properties: {
                    selfVote: {
                      type: 'boolean',
                    },
                    quorumShare: {
                      type: 'number',
                    },
                    approvalBase: {
                      type: 'string',
                    },
                    strictlyMore: {
                      type: 'boolean',
                    },
                    approvalShare: {
                      type: 'number',
                    },
                  },
                  nullable: true,
                },
                quota: {
                  type: 'object',
                  required: ['perCluster', 'shareOfEligible', 'perNominatingUnit'],
                  properties: {
                    perCluster: {
                      type: 'integer',
                      nullable: true,
                    },
                    shareOfEligible: {
                      nullable: true,
                    },
                    perNominatingUnit: {
                      nullable: true,
                    },
                  },
                },
                dossier: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['kind', 'stage', 'copies'],
                    properties: {
                      kind: {
                        type: 'string',
                      },
                      stage: {
                        type: 'string',
                      },
                      copies: {
                        type: 'integer',
                      },
                    },
                  },
                },
                tieBreak: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                deadlines: {
                  type: 'object',
                  required: [
                    'lapseOnExpiry',
                    'reminderShare',
                    'responseWorkingDays',
                    'appraisalWorkingDays',
                    'consultationWorkingDays',
                    'consultedAnswerWorkingDays',
                  ],
                  properties: {
                    lapseOnExpiry: {
                      type: 'boolean',
                    },
                    reminderShare: {
                      type: 'number',
                    },
                    responseWorkingDays: {
                      type: 'integer',
                    },
                    appraisalWorkingDays: {
                      type: 'integer',
                    },
                    consultationWorkingDays: {
                      type: 'integer',
                    },
                    consultedAnswerWorkingDays: {
                      type: 'integer',
                    },
                  },
                },
                prizeMultiple: {
                  type: 'number',
                  nullable: true,
                },
                publicityWorkingDays: {
                  type: 'integer',
                },
                groundsForHigherAwards: {
                  type: 'boolean',
                },
                standard: {
                  type: 'object',
                  required: ['verified', 'individual'],
                  properties: {
                    verified: {
                      type: 'boolean',
                    },
                    individual: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['key', 'rule', 'label', 'severity'],
                        properties: {
                          key: {
                            type: 'string',
                          },
                          rule: {
                            type: 'object',
                            required: ['holds'],
                            properties: {
                              holds: {
                                type: 'object',
                                required: ['codes'],
                                properties: {
                                  codes: {
                                    type: 'array',
                                    items: {
                                      type: 'string',
                                    },
                                  },
                                  times: {
                                    type: 'integer',
                                  },
                                  consecutive: {
                                    type: 'boolean',
                                  },
                                  endingWithin: {
                                    type: 'integer',
                                  },
                                  window: {
                                    type: 'integer',
                                  },
                                },
                              },
                            },
                          },
                          label: {
                            type: 'object',
                            required: ['en', 'vi'],
                            properties: {
                              en: {
                                type: 'string',
                              },
                              vi: {
                                type: 'string',
                              },
                            },
                          },
                          severity: {
                            type: 'string',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  AwardPolicy: {
    type: 'object',
    required: ['id', 'version', 'effectiveFrom', 'source', 'rules'],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      version: {
        type: 'integer',
      },
      effectiveFrom: {
        type: 'string',
        format: 'date',
      },
      source: {
        type: 'string',
      },
      rules: {
        type: 'object',
        required: [
          'vote',
          'quota',
          'dossier',
          'tieBreak',
          'deadlines',
          'prizeMultiple',
          'publicityWorkingDays',
          'groundsForHigherAwards',
        ],
        properties: {
          vote: {
            type: 'object',
            required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
            properties: {
              selfVote: {
                type: 'boolean',
              },
              quorumShare: {
                type: 'number',
              },
              approvalBase: {
                type: 'string',
              },
              strictlyMore: {
                type: 'boolean',
              },
              approvalShare: {
                type: 'number',
              },
            },
            nullable: true,
          },
          quota: {
            type: 'object',
            required: ['perCluster', 'shareOfEligible', 'perNominatingUnit'],
            properties: {
              perCluster: {
                type: 'integer',
                nullable: true,
              },
              shareOfEligible: {
                nullable: true,
              },
              perNominatingUnit: {
                nullable: true,
              },
            },
          },
          dossier: {
            type: 'array',
            items: {
              type: 'object',
              required: ['kind', 'stage', 'copies'],
              properties: {
                kind: {
                  type: 'string',
                },
                stage: {
                  type: 'string',
                },
                copies: {
                  type: 'integer',
                },
              },
            },
          },
          standard: {
            type: 'object',
            required: ['verified', 'individual'],
            properties: {
              verified: {
                type: 'boolean',
              },
              individual: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['key', 'rule', 'label', 'severity'],
                  properties: {
                    key: {
                      type: 'string',
                    },
                    rule: {
                      type: 'object',
                      required: ['holds'],
                      properties: {
                        holds: {
                          type: 'object',
                          required: ['codes'],
                          properties: {
                            codes: {
                              type: 'array',
                              items: {
                                type: 'string',
                              },
                            },
                            times: {
                              type: 'integer',
                            },
                            consecutive: {
                              type: 'boolean',
                            },
                            endingWithin: {
                              type: 'integer',
                            },
                            window: {
                              type: 'integer',
                            },
                          },
                        },
                      },
                    },
                    label: {
                      type: 'object',
                      required: ['en', 'vi'],
                      properties: {
                        en: {
                          type: 'string',
                        },
                        vi: {
                          type: 'string',
                        },
                      },
                    },
                    severity: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
          tieBreak: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          deadlines: {
            type: 'object',
            required: [
              'lapseOnExpiry',
              'reminderShare',
              'responseWorkingDays',
              'appraisalWorkingDays',
              'consultationWorkingDays',
              'consultedAnswerWorkingDays',
            ],
            properties: {
              lapseOnExpiry: {
                type: 'boolean',
              },
              reminderShare: {
                type: 'number',
              },
              responseWorkingDays: {
                type: 'integer',
              },
              appraisalWorkingDays: {
                type: 'integer',
              },
              consultationWorkingDays: {
                type: 'integer',
              },
              consultedAnswerWorkingDays: {
                type: 'integer',
              },
            },
          },
          prizeMultiple: {
            type: 'number',
            nullable: true,
          },
          publicityWorkingDays: {
            type: 'integer',
          },
          groundsForHigherAwards: {
            type: 'boolean',
          },
        },
      },
    },
  },
  WorkingDays: {
    type: 'object',
    required: [
      'from',
      'workingDays',
      'date',
      'dueAt',
      'provisional',
      'provisionalYears',
      'holidays',
      'weekendDays',
    ],
    properties: {
      from: {
        type: 'string',
        format: 'date',
      },
      workingDays: {
        type: 'integer',
      },
      date: {
        type: 'string',
        format: 'date',
      },
      dueAt: {
        type: 'string',
        format: 'date-time',
      },
      provisional: {
        type: 'boolean',
      },
      provisionalYears: {
        type: 'array',
        items: {
          type: 'integer',
        },
      },
      holidays: {
        type: 'array',
        items: {
          type: 'object',
          required: ['date', 'kind', 'nameVi', 'nameEn', 'provisional'],
          properties: {
            date: {
              type: 'string',
              format: 'date',
            },
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            provisional: {
              type: 'boolean',
            },
          },
        },
      },
      weekendDays: {
        type: 'integer',
      },
    },
  },
  CalendarDay: {
    type: 'object',
    required: ['date', 'kind', 'nameVi', 'nameEn', 'source'],
    properties: {
      date: {
        type: 'string',
        format: 'date',
      },
      kind: {
        type: 'string',
      },
      nameVi: {
        type: 'string',
      },
      nameEn: {
        type: 'string',
      },
      source: {
        type: 'string',
      },
    },
  },
  CalendarYear: {
    type: 'object',
    required: ['year', 'status'],
    properties: {
      year: {
        type: 'integer',
      },
      status: {
        type: 'string',
      },
      confirmedAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
      },
      confirmedBy: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      note: {
        type: 'string',
        nullable: true,
      },
      days: {
        type: 'array',
        items: {
          type: 'object',
          required: ['date', 'kind', 'nameVi', 'nameEn', 'source', 'origin'],
          properties: {
            date: {
              type: 'string',
              format: 'date',
            },
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            source: {
              type: 'string',
            },
            origin: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  CalendarDayRemoval: {
    type: 'object',
    required: ['year', 'status', 'confirmedAt', 'confirmedBy', 'note', 'days'],
    properties: {
      year: {
        type: 'integer',
      },
      status: {
        type: 'string',
      },
      confirmedAt: {
        nullable: true,
      },
      confirmedBy: {
        nullable: true,
      },
      note: {
        nullable: true,
      },
      days: {
        type: 'array',
        items: {
          type: 'object',
          required: ['date', 'kind', 'nameVi', 'nameEn', 'source', 'origin'],
          properties: {
            date: {
              type: 'string',
              format: 'date',
            },
            kind: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            source: {
              type: 'string',
            },
            origin: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  NotificationPage: {
    type: 'object',
    required: ['items', 'nextCursor', 'unread'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'template', 'title', 'titles', 'link', 'subject', 'createdAt', 'read'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            template: {
              type: 'string',
            },
            title: {
              type: 'string',
            },
            titles: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            link: {
              type: 'string',
            },
            subject: {
              type: 'object',
              required: ['type', 'id'],
              properties: {
                type: {
                  type: 'string',
                },
                id: {
                  type: 'string',
                  format: 'uuid',
                },
              },
            },
            createdAt: {
              type: 'string',
              format: 'date-time',
            },
            read: {
              type: 'boolean',
            },
          },
        },
      },
      nextCursor: {
        type: 'string',
        nullable: true,
      },
      unread: {
        type: 'integer',
      },
    },
  },
  UnreadCount: {
    type: 'object',
    required: ['unread'],
    properties: {
      unread: {
        type: 'integer',
      },
    },
  },
  Marked: {
    type: 'object',
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      template: {
        type: 'string',
      },
      title: {
        type: 'string',
      },
      titles: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      link: {
        type: 'string',
      },
      subject: {
        type: 'object',
        required: ['type', 'id'],
        properties: {
          type: {
            type: 'string',
          },
          id: {
            type: 'string',
            format: 'uuid',
          },
        },
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      read: {
        type: 'boolean',
      },
      updated: {
        type: 'integer',
      },
    },
  },
  CreatedWebhook: {
    type: 'object',
    required: ['id', 'organizationId', 'role', 'roleLabel', 'url', 'events', 'active', 'createdAt', 'secret'],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      organizationId: {
        type: 'string',
        format: 'uuid',
      },
      role: {
        type: 'string',
      },
      roleLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      url: {
        type: 'string',
      },
      events: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      active: {
        type: 'boolean',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      secret: {
        type: 'string',
      },
    },
  },
  Webhook: {
    type: 'object',
    required: ['id', 'organizationId', 'role', 'roleLabel', 'url', 'events', 'active', 'createdAt'],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      organizationId: {
        type: 'string',
        format: 'uuid',
      },
      role: {
        type: 'string',
      },
      roleLabel: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      url: {
        type: 'string',
      },
      events: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      active: {
        type: 'boolean',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  WebhookDeliveryPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'id',
            'event',
            'status',
            'attempts',
            'responseStatus',
            'lastError',
            'createdAt',
            'sentAt',
          ],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            event: {
              type: 'string',
            },
            status: {
              type: 'string',
            },
            attempts: {
              type: 'integer',
            },
            responseStatus: {
              type: 'integer',
              nullable: true,
            },
            lastError: {
              type: 'string',
              nullable: true,
            },
            createdAt: {
              type: 'string',
              format: 'date-time',
            },
            sentAt: {
              type: 'string',
              format: 'date-time',
              nullable: true,
            },
          },
        },
      },
      nextCursor: {
        nullable: true,
      },
    },
  },
  WebhookDelivery: {
    type: 'object',
    required: ['id', 'event', 'status', 'attempts', 'responseStatus', 'lastError', 'createdAt', 'sentAt'],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      event: {
        type: 'string',
      },
      status: {
        type: 'string',
      },
      attempts: {
        type: 'integer',
      },
      responseStatus: {
        nullable: true,
      },
      lastError: {
        nullable: true,
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      sentAt: {
        nullable: true,
      },
    },
  },
  SummaryReport: {
    type: 'object',
    required: ['filter', 'totals', 'awards'],
    properties: {
      filter: {
        type: 'object',
        required: ['year'],
        properties: {
          year: {
            type: 'integer',
          },
          clusterId: {
            type: 'string',
            format: 'uuid',
          },
          awardType: {
            type: 'string',
          },
          nominatingOrganizationId: {
            type: 'string',
            format: 'uuid',
          },
        },
      },
      totals: {
        type: 'object',
        required: [
          'total',
          'proposed',
          'selected',
          'forwarded',
          'awarded',
          'notSelected',
          'withdrawn',
          'rejected',
          'inProgress',
          'byState',
        ],
        properties: {
          total: {
            type: 'integer',
          },
          proposed: {
            type: 'integer',
          },
          selected: {
            type: 'integer',
          },
          forwarded: {
            type: 'integer',
          },
          awarded: {
            type: 'integer',
          },
          notSelected: {
            type: 'integer',
          },
          withdrawn: {
            type: 'integer',
          },
          rejected: {
            type: 'object',
            required: ['total', 'appraisal', 'council', 'primeMinister', 'chairman'],
            properties: {
              total: {
                type: 'integer',
              },
              appraisal: {
                type: 'integer',
              },
              council: {
                type: 'integer',
              },
              primeMinister: {
                type: 'integer',
              },
              chairman: {
                type: 'integer',
              },
            },
          },
          inProgress: {
            type: 'integer',
          },
          byState: {
            type: 'object',
            properties: {
              notSelected: {
                type: 'integer',
              },
              awarded: {
                type: 'integer',
              },
              rejected: {
                type: 'integer',
              },
              withdrawn: {
                type: 'integer',
              },
              draft: {
                type: 'integer',
              },
            },
          },
        },
      },
      awards: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'awardType',
            'nameVi',
            'nameEn',
            'total',
            'proposed',
            'selected',
            'forwarded',
            'awarded',
            'notSelected',
            'withdrawn',
            'rejected',
            'inProgress',
            'byState',
            'clusters',
          ],
          properties: {
            awardType: {
              type: 'string',
            },
            nameVi: {
              type: 'string',
            },
            nameEn: {
              type: 'string',
            },
            total: {
              type: 'integer',
            },
            proposed: {
              type: 'integer',
            },
            selected: {
              type: 'integer',
            },
            forwarded: {
              type: 'integer',
            },
            awarded: {
              type: 'integer',
            },
            notSelected: {
              type: 'integer',
            },
            withdrawn: {
              type: 'integer',
            },
            rejected: {
              type: 'object',
              required: ['total', 'appraisal', 'council', 'primeMinister', 'chairman'],
              properties: {
                total: {
                  type: 'integer',
                },
                appraisal: {
                  type: 'integer',
                },
                council: {
                  type: 'integer',
                },
                primeMinister: {
                  type: 'integer',
                },
                chairman: {
                  type: 'integer',
                },
              },
            },
            inProgress: {
              type: 'integer',
            },
            byState: {
              type: 'object',
              properties: {
                notSelected: {
                  type: 'integer',
                },
                awarded: {
                  type: 'integer',
                },
                rejected: {
                  type: 'integer',
                },
                withdrawn: {
                  type: 'integer',
                },
                draft: {
                  type: 'integer',
                },
              },
            },
            clusters: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'clusterId',
                  'nameVi',
                  'nameEn',
                  'total',
                  'proposed',
                  'selected',
                  'forwarded',
                  'awarded',
                  'notSelected',
                  'withdrawn',
                  'rejected',
                  'inProgress',
                  'byState',
                ],
                properties: {
                  clusterId: {
                    type: 'string',
                    format: 'uuid',
                  },
                  nameVi: {
                    type: 'string',
                  },
                  nameEn: {
                    type: 'string',
                  },
                  total: {
                    type: 'integer',
                  },
                  proposed: {
                    type: 'integer',
                  },
                  selected: {
                    type: 'integer',
                  },
                  forwarded: {
                    type: 'integer',
                  },
                  awarded: {
                    type: 'integer',
                  },
                  notSelected: {
                    type: 'integer',
                  },
                  withdrawn: {
                    type: 'integer',
                  },
                  rejected: {
                    type: 'object',
                    required: ['total', 'appraisal', 'council', 'primeMinister', 'chairman'],
                    properties: {
                      total: {
                        type: 'integer',
                      },
                      appraisal: {
                        type: 'integer',
                      },
                      council: {
                        type: 'integer',
                      },
                      primeMinister: {
                        type: 'integer',
                      },
                      chairman: {
                        type: 'integer',
                      },
                    },
                  },
                  inProgress: {
                    type: 'integer',
                  },
                  byState: {
                    type: 'object',
                    properties: {
                      notSelected: {
                        type: 'integer',
                      },
                      awarded: {
                        type: 'integer',
                      },
                      rejected: {
                        type: 'integer',
                      },
                      withdrawn: {
                        type: 'integer',
                      },
                      draft: {
                        type: 'integer',
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  StageDurations: {
    type: 'object',
    required: ['filter', 'unit', 'stages'],
    properties: {
      filter: {
        type: 'object',
        required: ['year'],
        properties: {
          year: {
            type: 'integer',
          },
        },
      },
      unit: {
        type: 'string',
      },
      stages: {
        type: 'array',
        items: {
          type: 'object',
          required: ['stage', 'label', 'completed', 'ongoing', 'median', 'p90', 'slowest'],
          properties: {
            stage: {
              type: 'string',
            },
            label: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            completed: {
              type: 'integer',
            },
            ongoing: {
              type: 'integer',
            },
            median: {
              type: 'integer',
              nullable: true,
            },
            p90: {
              type: 'integer',
              nullable: true,
            },
            slowest: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'dossierNumber', 'nominee', 'workingDays', 'ongoing'],
                properties: {
                  id: {
                    type: 'string',
                    format: 'uuid',
                  },
                  dossierNumber: {
                    type: 'string',
                  },
                  nominee: {
                    type: 'string',
                  },
                  workingDays: {
                    type: 'integer',
                  },
                  ongoing: {
                    type: 'boolean',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  OverdueReport: {
    type: 'object',
    required: ['count', 'items'],
    properties: {
      count: {
        type: 'integer',
      },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'id',
            'dossierNumber',
            'nominee',
            'awardType',
            'year',
            'state',
            'stateLabel',
            'dueAt',
            'overdueWorkingDays',
            'nominatingOrganization',
            'cluster',
            'mustAct',
          ],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            dossierNumber: {
              type: 'string',
            },
            nominee: {
              type: 'string',
            },
            awardType: {
              type: 'string',
            },
            year: {
              type: 'integer',
            },
            state: {
              $ref: '#/components/schemas/NominationState',
            },
            stateLabel: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            dueAt: {
              type: 'string',
              format: 'date-time',
            },
            overdueWorkingDays: {
              type: 'integer',
            },
            nominatingOrganization: {
              type: 'string',
            },
            cluster: {
              type: 'string',
            },
            mustAct: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
        },
      },
    },
  },
  RegisterEntry: {
    type: 'object',
    required: [
      'id',
      'subjectKind',
      'person',
      'organization',
      'category',
      'code',
      'title',
      'year',
      'decidingBody',
      'decisionNumber',
      'decisionDate',
      'source',
      'nominationId',
      'revoked',
      'revocation',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      subjectKind: {
        type: 'string',
      },
      person: {
        type: 'object',
        required: ['id', 'fullName'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          fullName: {
            type: 'string',
          },
        },
        nullable: true,
      },
      organization: {
        type: 'object',
        required: ['id', 'nameVi', 'nameEn'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          nameVi: {
            type: 'string',
          },
          nameEn: {
            type: 'string',
          },
        },
      },
      category: {
        type: 'string',
      },
      code: {
        type: 'string',
      },
      title: {
        type: 'object',
        required: ['vi', 'en'],
        properties: {
          vi: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      year: {
        type: 'integer',
      },
      decidingBody: {
        type: 'string',
      },
      decisionNumber: {
        type: 'string',
      },
      decisionDate: {
        type: 'string',
        format: 'date',
      },
      source: {
        type: 'string',
      },
      nominationId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
      },
      revoked: {
        type: 'boolean',
      },
      revocation: {
        type: 'object',
        required: ['at', 'reason', 'decisionNumber'],
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
          },
          reason: {
            type: 'string',
          },
          decisionNumber: {
            type: 'string',
          },
        },
        nullable: true,
      },
    },
  },
  RegisterTitle: {
    type: 'object',
    required: ['code', 'nameVi', 'nameEn', 'nomineeKinds', 'decidedBy', 'category'],
    properties: {
      code: {
        type: 'string',
      },
      nameVi: {
        type: 'string',
      },
      nameEn: {
        type: 'string',
      },
      nomineeKinds: {
        type: 'array',
        items: {
          type: 'string',
          enum: ['collective', 'individual'],
        },
      },
      decidedBy: {
        type: 'string',
        nullable: true,
      },
      category: {
        type: 'string',
        enum: ['award', 'rating', 'initiative'],
      },
    },
  },
  RegisterImport: {
    type: 'object',
    required: ['rows', 'created', 'unchanged', 'possibleDuplicates'],
    properties: {
      rows: {
        type: 'integer',
      },
      created: {
        type: 'integer',
      },
      unchanged: {
        type: 'integer',
      },
      possibleDuplicates: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'fullName', 'otherId'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            fullName: {
              type: 'string',
            },
            otherId: {
              type: 'string',
              format: 'uuid',
            },
          },
        },
      },
    },
  },
  Person: {
    type: 'object',
    required: [
      'id',
      'fullName',
      'gender',
      'birthDate',
      'organizationId',
      'position',
      'mergedIntoId',
      'mergedRecords',
      'history',
    ],
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      fullName: {
        type: 'string',
      },
      gender: {
        type: 'string',
        enum: ['female', 'male'],
      },
      birthDate: {
        type: 'string',
        format: 'date',
      },
      organizationId: {
        type: 'string',
        format: 'uuid',
      },
      position: {
        type: 'string',
      },
      mergedIntoId: {
        nullable: true,
      },
      mergedRecords: {
        type: 'array',
        items: {
          type: 'string',
          format: 'uuid',
        },
      },
      history: {
        type: 'array',
        items: {
          type: 'object',
          required: ['personId', 'at', 'change', 'organizationId', 'position', 'detail'],
          properties: {
            personId: {
              type: 'string',
              format: 'uuid',
            },
            at: {
              type: 'string',
              format: 'date-time',
            },
            change: {
              type: 'string',
            },
            organizationId: {
              type: 'string',
              format: 'uuid',
            },
            position: {
              type: 'string',
            },
            detail: {
              type: 'object',
              properties: {
                fromPosition: {
                  type: 'string',
                },
                fromOrganizationId: {
                  type: 'string',
                  format: 'uuid',
                },
                intoId: {
                  type: 'string',
                  format: 'uuid',
                },
                duplicateId: {
                  type: 'string',
                  format: 'uuid',
                },
              },
            },
          },
        },
      },
    },
  },
  PersonDuplicates: {
    type: 'array',
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'fullName', 'gender', 'birthDate', 'organizationId', 'position', 'mergedIntoId'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          fullName: {
            type: 'string',
          },
          gender: {
            type: 'string',
            enum: ['female', 'male'],
          },
          birthDate: {
            type: 'string',
            format: 'date',
          },
          organizationId: {
            type: 'string',
            format: 'uuid',
          },
          position: {
            type: 'string',
          },
          mergedIntoId: {
            nullable: true,
          },
        },
      },
    },
  },
  PersonMerge: {
    type: 'object',
    required: ['duplicate', 'into'],
    properties: {
      duplicate: {
        type: 'object',
        required: ['id', 'fullName', 'gender', 'birthDate', 'organizationId', 'position', 'mergedIntoId'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          fullName: {
            type: 'string',
          },
          gender: {
            type: 'string',
            enum: ['female', 'male'],
          },
          birthDate: {
            type: 'string',
            format: 'date',
          },
          organizationId: {
            type: 'string',
            format: 'uuid',
          },
          position: {
            type: 'string',
          },
          mergedIntoId: {
            type: 'string',
            format: 'uuid',
          },
        },
      },
      into: {
        type: 'object',
        required: ['id', 'fullName', 'gender', 'birthDate', 'organizationId', 'position', 'mergedIntoId'],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          fullName: {
            type: 'string',
          },
          gender: {
            type: 'string',
            enum: ['female', 'male'],
          },
          birthDate: {
            type: 'string',
            format: 'date',
          },
          organizationId: {
            type: 'string',
            format: 'uuid',
          },
          position: {
            type: 'string',
          },
          mergedIntoId: {
            nullable: true,
          },
        },
      },
    },
  },
  AuditLogPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'seq',
            'at',
            'actor',
            'action',
            'actionLabel',
            'targetType',
            'targetId',
            'reason',
            'before',
            'after',
            'requestId',
          ],
          properties: {
            seq: {
              type: 'integer',
            },
            at: {
              type: 'string',
              format: 'date-time',
            },
            actor: {
              type: 'object',
              required: ['kind'],
              properties: {
                kind: {
                  type: 'string',
                },
                role: {
                  type: 'string',
                },
                email: {
                  type: 'string',
                },
                userId: {
                  type: 'string',
                  format: 'uuid',
                },
                organizationId: {
                  type: 'string',
                  format: 'uuid',
                },
                id: {
                  type: 'string',
                },
              },
            },
            action: {
              type: 'string',
            },
            actionLabel: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
            targetType: {
              type: 'string',
            },
            targetId: {
              type: 'string',
            },
            reason: {
              type: 'string',
              nullable: true,
            },
            before: {
              type: 'object',
              properties: {
                leader: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    name: {
                      type: 'string',
                    },
                  },
                  nullable: true,
                },
                deputies: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'name'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      name: {
                        type: 'string',
                      },
                    },
                  },
                },
                name: {
                  type: 'string',
                },
                validTo: {
                  nullable: true,
                },
                successor: {
                  nullable: true,
                },
                members: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'name'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      name: {
                        type: 'string',
                      },
                    },
                  },
                },
                rules: {
                  type: 'object',
                  required: [
                    'vote',
                    'quota',
                    'dossier',
                    'tieBreak',
                    'deadlines',
                    'prizeMultiple',
                    'publicityWorkingDays',
                    'groundsForHigherAwards',
                  ],
                  properties: {
                    vote: {
                      type: 'object',
                      required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
                      properties: {
                        selfVote: {
                          type: 'boolean',
                        },
                        quorumShare: {
                          type: 'number',
                        },
                        approvalBase: {
                          type: 'string',
                        },
                        strictlyMore: {
                          type: 'boolean',
                        },
                        approvalShare: {
                          type: 'number',
                        },
                      },
                    },
                    quota: {
                      type: 'object',
                      required: ['perCluster', 'shareOfEligible', 'perNominatingUnit'],
                      properties: {
                        perCluster: {
                          type: 'integer',
                        },
                        shareOfEligible: {
                          nullable: true,
                        },
                        perNominatingUnit: {
                          nullable: true,
                        },
                      },
                    },
                    dossier: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['kind', 'stage', 'copies'],
                        properties: {
                          kind: {
                            type: 'string',
                          },
                          stage: {
                            type: 'string',
                          },
                          copies: {
                            type: 'integer',
                          },
                        },
                      },
                    },
                    tieBreak: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    deadlines: {
                      type: 'object',
                      required: [
                        'lapseOnExpiry',
                        'reminderShare',
                        'responseWorkingDays',
                        'appraisalWorkingDays',
                        'consultationWorkingDays',
                        'consultedAnswerWorkingDays',
                      ],
                      properties: {
                        lapseOnExpiry: {
                          type: 'boolean',
                        },
                        reminderShare: {
                          type: 'number',
                        },
                        responseWorkingDays: {
                          type: 'integer',
                        },
                        appraisalWorkingDays: {
                          type: 'integer',
                        },
                        consultationWorkingDays: {
                          type: 'integer',
                        },
                        consultedAnswerWorkingDays: {
                          type: 'integer',
                        },
                      },
                    },
                    prizeMultiple: {
                      nullable: true,
                    },
                    publicityWorkingDays: {
                      type: 'integer',
                    },
                    groundsForHigherAwards: {
                      type: 'boolean',
                    },
                  },
                },
                source: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                },
                effectiveFrom: {
                  type: 'string',
                  format: 'date',
                },
                kind: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
                nameVi: {
                  type: 'string',
                },
                url: {
                  type: 'string',
                },
                active: {
                  type: 'boolean',
                },
                role: {
                  type: 'string',
                },
                email: {
                  type: 'string',
                },
                fullName: {
                  type: 'string',
                },
                organizationId: {
                  type: 'string',
                  format: 'uuid',
                },
                status: {
                  type: 'string',
                },
              },
              nullable: true,
            },
            after: {
              type: 'object',
              properties: {
                leader: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    name: {
                      type: 'string',
                    },
                  },
                },
                deputies: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'name'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      name: {
                        type: 'string',
                      },
                    },
                  },
                },
                code: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                },
                nameEn: {
                  type: 'string',
                },
                nameVi: {
                  type: 'string',
                },
                parent: {
                  nullable: true,
                },
                validFrom: {
                  type: 'string',
                  format: 'date',
                },
                provinceCode: {
                  type: 'integer',
                },
                name: {
                  type: 'string',
                },
                validTo: {
                  type: 'string',
                  format: 'date',
                },
                successor: {
                  type: 'object',
                  required: ['id', 'code', 'name'],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    code: {
                      type: 'string',
                    },
                    name: {
                      type: 'string',
                    },
                  },
                },
                effectiveDate: {
                  type: 'string',
                  format: 'date',
                },
                members: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'name'],
                    properties: {
                      id: {
                        type: 'string',
                        format: 'uuid',
                      },
                      name: {
                        type: 'string',
                      },
                    },
                  },
                },
                rules: {
                  type: 'object',
                  required: [
                    'vote',
                    'quota',
                    'dossier',
                    'tieBreak',
                    'deadlines',
                    'prizeMultiple',
                    'publicityWorkingDays',
                    'groundsForHigherAwards',
                  ],
                  properties: {
                    vote: {
                      type: 'object',
                      required: ['selfVote', 'quorumShare', 'approvalBase', 'strictlyMore', 'approvalShare'],
                      properties: {
                        selfVote: {
                          type: 'boolean',
                        },
                        quorumShare: {
                          type: 'number',
                        },
                        approvalBase: {
                          type: 'string',
                        },
                        strictlyMore: {
                          type: 'boolean',
                        },
                        approvalShare: {
                          type: 'number',
                        },
                      },
                    },
                    quota: {
                      type: 'object',
                      required: ['perCluster', 'shareOfEligible', 'perNominatingUnit'],
                      properties: {
                        perCluster: {
                          type: 'integer',
                        },
                        shareOfEligible: {
                          nullable: true,
                        },
                        perNominatingUnit: {
                          nullable: true,
                        },
                      },
                    },
                    dossier: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['kind', 'stage', 'copies'],
                        properties: {
                          kind: {
                            type: 'string',
                          },
                          stage: {
                            type: 'string',
                          },
                          copies: {
                            type: 'integer',
                          },
                        },
                      },
                    },
                    tieBreak: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    deadlines: {
                      type: 'object',
                      required: [
                        'lapseOnExpiry',
                        'reminderShare',
                        'responseWorkingDays',
                        'appraisalWorkingDays',
                        'consultationWorkingDays',
                        'consultedAnswerWorkingDays',
                      ],
                      properties: {
                        lapseOnExpiry: {
                          type: 'boolean',
                        },
                        reminderShare: {
                          type: 'number',
                        },
                        responseWorkingDays: {
                          type: 'integer',
                        },
                        appraisalWorkingDays: {
                          type: 'integer',
                        },
                        consultationWorkingDays: {
                          type: 'integer',
                        },
                        consultedAnswerWorkingDays: {
                          type: 'integer',
                        },
                      },
                    },
                    prizeMultiple: {
                      nullable: true,
                    },
                    publicityWorkingDays: {
                      type: 'integer',
                    },
                    groundsForHigherAwards: {
                      type: 'boolean',
                    },
                  },
                },
                source: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                },
                effectiveFrom: {
                  type: 'string',
                  format: 'date',
                },
                url: {
                  type: 'string',
                },
                role: {
                  type: 'string',
                },
                active: {
                  type: 'boolean',
                },
                events: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                organization: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: {
                    id: {
                      type: 'string',
                      format: 'uuid',
                    },
                    name: {
                      type: 'string',
                    },
                  },
                },
                revoked: {
                  type: 'integer',
                },
                email: {
                  type: 'string',
                },
                fullName: {
                  type: 'string',
                },
                organizationId: {
                  type: 'string',
                  format: 'uuid',
                },
                mustChangePassword: {
                  type: 'boolean',
                },
                days: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['date', 'kind'],
                    properties: {
                      date: {
                        type: 'string',
                        format: 'date',
                      },
                      kind: {
                        type: 'string',
                      },
                    },
                  },
                },
                status: {
                  type: 'string',
                },
                otherSessionsEnded: {
                  type: 'integer',
                },
                sessionsEnded: {
                  type: 'integer',
                },
                emailed: {
                  type: 'boolean',
                },
                expiresAt: {
                  type: 'string',
                  format: 'date-time',
                },
                path: {
                  type: 'string',
                },
                method: {
                  type: 'string',
                },
              },
              nullable: true,
            },
            requestId: {
              type: 'string',
              format: 'uuid',
              nullable: true,
            },
          },
        },
      },
      nextCursor: {
        type: 'string',
        nullable: true,
      },
    },
  },
  AuditVerification: {
    type: 'object',
    required: ['valid', 'length', 'problems'],
    properties: {
      valid: {
        type: 'boolean',
      },
      length: {
        type: 'integer',
      },
      problems: {
        type: 'array',
        items: {
          type: 'object',
          required: ['seq', 'reason'],
          properties: {
            seq: {
              type: 'integer',
            },
            reason: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  WorkflowHistory: {
    type: 'object',
    required: ['instanceId', 'valid', 'length', 'problems'],
    properties: {
      instanceId: {
        type: 'string',
        format: 'uuid',
      },
      valid: {
        type: 'boolean',
      },
      length: {
        type: 'integer',
      },
      problems: {
        type: 'array',
        items: {
          type: 'object',
          required: ['seq', 'reason'],
          properties: {
            seq: {
              type: 'integer',
            },
            reason: {
              type: 'string',
            },
          },
        },
      },
    },
  },
  HistoryVerification: {
    type: 'object',
    required: ['instances', 'valid', 'invalid'],
    properties: {
      instances: {
        type: 'integer',
      },
      valid: {
        type: 'integer',
      },
      invalid: {
        type: 'array',
        items: {
          type: 'object',
          required: ['instanceId', 'machineId', 'problems'],
          properties: {
            instanceId: {
              type: 'string',
              format: 'uuid',
            },
            machineId: {
              type: 'string',
            },
            problems: {
              type: 'array',
              items: {
                type: 'object',
                required: ['seq', 'reason'],
                properties: {
                  seq: {
                    type: 'integer',
                  },
                  reason: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  WorkflowMigration: {
    type: 'object',
    required: ['machineId', 'from', 'to', 'dryRun', 'moved', 'left'],
    properties: {
      machineId: {
        type: 'string',
      },
      from: {
        type: 'integer',
      },
      to: {
        type: 'integer',
      },
      dryRun: {
        type: 'boolean',
      },
      moved: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'state'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            state: {
              type: 'string',
            },
          },
        },
      },
      left: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'state', 'reason'],
          properties: {
            id: {
              type: 'string',
              format: 'uuid',
            },
            state: {
              type: 'string',
            },
            reason: {
              type: 'object',
              required: ['vi', 'en'],
              properties: {
                vi: {
                  type: 'string',
                },
                en: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
    },
  },
  Health: {
    type: 'object',
    required: ['status', 'role'],
    properties: {
      status: {
        type: 'string',
      },
      role: {
        type: 'string',
      },
    },
  },
  Readiness: {
    type: 'object',
    required: ['status', 'checks'],
    properties: {
      status: {
        type: 'string',
      },
      checks: {
        type: 'object',
        required: ['database', 'queue'],
        properties: {
          database: {
            type: 'object',
            required: ['status'],
            properties: {
              status: {
                type: 'string',
              },
            },
          },
          queue: {
            type: 'object',
            required: ['status', 'backend'],
            properties: {
              status: {
                type: 'string',
              },
              backend: {
                type: 'string',
              },
            },
          },
        },
      },
    },
  },
};

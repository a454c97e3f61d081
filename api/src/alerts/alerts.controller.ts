import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AlertEventDto, AlertRuleDto, Page } from '@civicpulse/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { IdParamPipe } from '../common/param-pipes';
import { AlertsService } from './alerts.service';
import { AlertEventQueryDto, UpsertAlertRuleDto } from './dto/alert.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @Roles('viewer')
  @ApiOkResponse({ description: 'Alert events, newest first (the in-app list)' })
  events(@Query() query: AlertEventQueryDto): Promise<Page<AlertEventDto>> {
    return this.alerts.listEvents(query);
  }

  @Post('alerts/:id/resolve')
  @HttpCode(200)
  @Roles('operator')
  @ApiOkResponse({ description: 'The alert, resolved' })
  resolve(@CurrentUser() actor: AuthUser, @Param('id', IdParamPipe) id: number): Promise<AlertEventDto> {
    return this.alerts.resolve(actor, id);
  }

  @Get('alert-rules')
  @Roles('operator')
  @ApiOkResponse({ description: 'Alert rules' })
  rules(): Promise<AlertRuleDto[]> {
    return this.alerts.listRules();
  }

  @Post('alert-rules')
  @Roles('operator')
  @ApiCreatedResponse({ description: 'The created rule' })
  create(@CurrentUser() actor: AuthUser, @Body() body: UpsertAlertRuleDto): Promise<AlertRuleDto> {
    return this.alerts.createRule(actor, body);
  }

  @Put('alert-rules/:id')
  @Roles('operator')
  @ApiOkResponse({ description: 'The replaced rule' })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParamPipe) id: number,
    @Body() body: UpsertAlertRuleDto,
  ): Promise<AlertRuleDto> {
    return this.alerts.updateRule(actor, id, body);
  }

  @Delete('alert-rules/:id')
  @HttpCode(204)
  @Roles('operator')
  @ApiNoContentResponse({ description: 'Deleted with its events' })
  remove(@CurrentUser() actor: AuthUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    return this.alerts.deleteRule(actor, id);
  }
}

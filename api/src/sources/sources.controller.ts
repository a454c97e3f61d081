import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { IngestRunDetailDto, SourceDetailDto, SourceDto, SourcePreviewDto } from '@civicpulse/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CodeParamPipe } from '../common/param-pipes';
import { BackfillSourceDto, PreviewSourceDto } from './dto/source-run.dto';
import { SetSourceEnabledDto, UpsertSourceDto } from './dto/source.dto';
import { SourceRunsService } from './source-runs.service';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly sourceRuns: SourceRunsService,
  ) {}

  @Get()
  @Roles('operator')
  @ApiOkResponse({ description: 'Sources with their last run and next scheduled run' })
  list(): Promise<SourceDto[]> {
    return this.sources.list();
  }

  @Get(':key')
  @Roles('operator')
  @ApiOkResponse({ description: 'One source with its manifest' })
  get(@Param('key', CodeParamPipe) key: string): Promise<SourceDetailDto> {
    return this.sources.get(key);
  }

  @Post()
  @Roles('data_admin')
  @ApiCreatedResponse({ description: 'Created from a validated manifest' })
  @ApiConflictResponse({ description: 'Key already used' })
  create(@CurrentUser() actor: AuthUser, @Body() body: UpsertSourceDto): Promise<SourceDetailDto> {
    return this.sources.create(actor, body);
  }

  @Put(':key')
  @Roles('data_admin')
  @ApiOkResponse({ description: 'Manifest replaced' })
  replace(
    @CurrentUser() actor: AuthUser,
    @Param('key', CodeParamPipe) key: string,
    @Body() body: UpsertSourceDto,
  ): Promise<SourceDetailDto> {
    return this.sources.replace(actor, key, body);
  }

  @Patch(':key')
  @Roles('data_admin')
  @ApiOkResponse({ description: 'Enabled or disabled' })
  setEnabled(
    @CurrentUser() actor: AuthUser,
    @Param('key', CodeParamPipe) key: string,
    @Body() body: SetSourceEnabledDto,
  ): Promise<SourceDetailDto> {
    return this.sources.setEnabled(actor, key, body.enabled);
  }

  @Delete(':key')
  @HttpCode(204)
  @Roles('data_admin')
  @ApiNoContentResponse({ description: 'Deleted (only sources that never ran)' })
  @ApiConflictResponse({ description: 'The source has runs or comes from the catalogue' })
  remove(@CurrentUser() actor: AuthUser, @Param('key', CodeParamPipe) key: string): Promise<void> {
    return this.sources.remove(actor, key);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @Roles('data_admin')
  @ApiBody({ type: PreviewSourceDto, required: false })
  @ApiOkResponse({ description: 'The first rows read and mapped as a run would; nothing is written' })
  @ApiConflictResponse({ description: 'The stored manifest cannot be resolved in this deployment' })
  @ApiServiceUnavailableResponse({ description: 'The source could not be read' })
  preview(
    @Param('key', CodeParamPipe) key: string,
    @Body() body: PreviewSourceDto,
  ): Promise<SourcePreviewDto> {
    return this.sourceRuns.preview(key, body.limit);
  }

  @Post(':key/runs')
  @HttpCode(202)
  @Roles('data_admin')
  @ApiAcceptedResponse({ description: 'A run queued for the ingest worker' })
  runNow(
    @CurrentUser() actor: AuthUser,
    @Param('key', CodeParamPipe) key: string,
  ): Promise<IngestRunDetailDto> {
    return this.sourceRuns.runNow(actor, key);
  }

  @Post(':key/backfill')
  @HttpCode(202)
  @Roles('data_admin')
  @ApiAcceptedResponse({ description: 'A backfill of the window queued for the ingest worker' })
  backfill(
    @CurrentUser() actor: AuthUser,
    @Param('key', CodeParamPipe) key: string,
    @Body() body: BackfillSourceDto,
  ): Promise<IngestRunDetailDto> {
    return this.sourceRuns.backfill(actor, key, body);
  }
}

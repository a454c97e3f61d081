import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { LoginResponse, UserDto } from '@civicpulse/contracts';
import { CurrentUser, LoginRateLimited, Public, Roles } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @LoginRateLimited()
  @ApiOkResponse({ description: 'Access token and the signed-in user' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body);
  }

  @Get('me')
  @Roles('viewer')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user);
  }
}
